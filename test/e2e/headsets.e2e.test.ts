import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useCartApp } from '../support/e2e-cart-app';
import { buildApk } from '../fakes/apk-builder';
import type { BuiltApk } from '../fakes/apk-builder';
import { enterInstructorMode, importClassList, leaveInstructorMode, navLink, readStore } from '../support/page-helpers';
import { ALICE, BOB, TENANT } from '../support/local-api-fixture';

const MIB = 1024 * 1024;
const PACKAGE = 'org.example.safety';

let noLauncher: BuiltApk;
let notAnApk: string;

const app = useCartApp({
  headsets: [{ model: 'Quest 3', battery: { level: 80 } }, { model: 'Quest 2', battery: { level: 55 } }, { model: 'Quest 3S', battery: { level: 15 } }],
  apk: { packageName: PACKAGE, versionCode: 7, versionName: '1.0.7', label: 'Safety VR', minSdk: 29, launchableActivity: '.MainActivity', sizeBytes: 8 * MIB },
  async prepare(cart, apk) {
    noLauncher = await buildApk({ packageName: 'org.example.companion', versionCode: 1, versionName: '1.0', label: 'Companion Service', minSdk: 29, launchableActivity: null });
    notAnApk = join(dirname(apk.path), 'notes.apk');
    await writeFile(notAnApk, 'these are lesson notes, not an app');
    // Slow enough on one headset for its card to show the transfer while it runs.
    cart.cart.headsets[0]!.faults.throttleBytesPerSecond = 4 * MIB;
  },
});
afterAll(async () => {
  if (noLauncher) await rm(dirname(noLauncher.path), { recursive: true, force: true });
});



const headset = (i: number) => app.cart.cart.headsets[i]!;
const card = (i: number) => app.page.getByRole('article', { name: `${headset(i).model} ${headset(i).serial}` });

describe('a class installs and launches an imported APK on a cart of headsets', () => {
  it('imports the APK, installs it on every suitable headset for a learner’s session and launches it everywhere', async () => {
    // The class list, so a learner can start a session.
    await importClassList(app.page, { tenant_id: TENANT, learners: [{ id: ALICE, display_name: 'Alice Wong' }, { id: BOB, display_name: 'Bob Chen' }] });

    // Dropped files are checked before any upload; a file that is not an app is refused in words by main.
    await navLink(app.page, 'VR library').click();
    const importer = app.page.getByRole('region', { name: 'Import an APK' });
    const dropped = await app.page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['%PDF-1.4'], 'worksheet.pdf', { type: 'application/pdf' }));
      return transfer;
    });
    await importer.getByTestId('apk-drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await importer.getByRole('alert').filter({ hasText: 'Only .apk and .obb files can be imported (worksheet.pdf).' }).waitFor();
    await importer.getByLabel('APK and OBB files').setInputFiles(notAnApk);
    await importer.getByRole('alert').filter({ hasText: '“notes.apk” is not an Android app (APK).' }).waitFor();
    expect(await readStore(app.page, 'vrPackages')).toEqual([]);
    // An APK with nothing to start is accepted, with a warning in words; the instructor discards it.
    await importer.getByLabel('APK and OBB files').setInputFiles(noLauncher.path);
    await importer.getByRole('list', { name: 'Warnings about this APK' }).filter({ hasText: 'This app has no launcher activity' }).waitFor();
    await importer.getByRole('button', { name: 'Discard' }).click();
    expect(await readStore(app.page, 'vrPackages')).toEqual([]);

    // The real APK: uploaded to main, read, then the instructor narrows the headsets to Quest 2 and 3.
    await importer.getByLabel('APK and OBB files').setInputFiles(app.apk.path);
    await importer.getByRole('heading', { name: '“Safety VR” is ready to add' }).waitFor();
    expect(await importer.getByLabel('Quest 3S').isChecked()).toBe(true);
    await importer.getByLabel('Quest 3S').uncheck();
    await importer.getByRole('button', { name: 'Save to library' }).click();
    await importer.getByRole('status').filter({ hasText: '“Safety VR” was added to the library.' }).waitFor();
    const [pkg] = await readStore(app.page, 'vrPackages');
    expect(pkg).toMatchObject({ title: 'Safety VR', version: '1.0.7', package_name: PACKAGE, version_code: 7, apk_size_bytes: app.apk.sizeBytes, target_platforms: ['quest2', 'quest3'] });

    // Alice signs in (the instructor stays beside her, still in instructor mode) and starts a session: it waits in Downloading.
    await app.page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await app.page.getByRole('button', { name: 'Alice Wong' }).click();
    await app.page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
    await app.page.getByTestId('start-table').getByRole('row', { name: /Safety VR/ }).getByRole('button', { name: 'Start' }).click();
    const session = app.page.getByRole('article', { name: 'Safety VR' });
    await session.getByText('Downloading', { exact: true }).waitFor();

    // The cart: three cards with their models and batteries, the low one flagged.
    await navLink(app.page, 'Headsets').click();
    for (const i of [0, 1, 2]) await card(i).getByRole('heading', { name: headset(i).model }).waitFor();
    await card(0).getByText('80%', { exact: true }).waitFor();
    await card(1).getByText('55%', { exact: true }).waitFor();
    // Above the one threshold main refuses installs under (10 %), so no warning: see cart-console.e2e.test.ts.
    await card(2).getByText('15%', { exact: true }).waitFor();
    expect(await app.page.getByRole('article').count()).toBe(3);

    // Alice's session goes to the Quest 3; then the whole cart installs.
    await app.page.getByRole('combobox', { name: /^Package/ }).selectOption({ label: 'Safety VR (1.0.7)' });
    await card(0).getByRole('combobox', { name: /^Learner session/ }).selectOption({ label: 'Alice Wong (Downloading)' });
    await app.page.getByRole('button', { name: 'Install on all' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Installing on 3 headsets.' }).waitFor();
    const bar = card(0).getByRole('progressbar', { name: 'Installing “Safety VR”' });
    await bar.waitFor();
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    await card(0).getByRole('button', { name: 'Cancel' }).waitFor();

    // The instructor leaves mid-install: the cart's jobs run on in main, and Alice's session still moves on.
    await leaveInstructorMode(app.page);
    await app.page.getByRole('heading', { name: 'For instructors' }).waitFor();
    await navLink(app.page, 'My VR sessions').click();
    await session.getByText('Downloaded', { exact: true }).waitFor({ timeout: 20_000 });
    await enterInstructorMode(app.page);
    await navLink(app.page, 'Headsets').click();

    for (const i of [0, 1]) await card(i).getByText('Up to date', { exact: true }).waitFor({ timeout: 20_000 });
    await card(2).getByText('This app is not made for this headset model.').waitFor();
    expect(await card(2).getByText('(code PLATFORM_MISMATCH)').count()).toBe(1);
    expect(await card(2).getByText('Not made for this model', { exact: true }).count()).toBe(1);
    const jobs = await readStore(app.page, 'sideloadJobs');
    expect(jobs.map((j) => [j.serial, j.status, j.bytes_sent === j.bytes_total]).sort()).toEqual(
      [
        [headset(0).serial, 'done', true],
        [headset(1).serial, 'done', true],
        [headset(2).serial, 'failed', false],
      ].sort(),
    );

    // The install moved Alice's session on, as far as the download goes.
    await navLink(app.page, 'My VR sessions').click();
    await session.getByText('Downloaded', { exact: true }).waitFor();

    // Back on the page (its choices forgotten), launching finds Alice's session from the Quest 3's install.
    await navLink(app.page, 'Headsets').click();
    await app.page.getByRole('combobox', { name: /^Package/ }).selectOption({ label: 'Safety VR (1.0.7)' });
    await app.page.getByRole('button', { name: 'Launch on all' }).click();
    const results = app.page.getByRole('list', { name: 'Launch results' });
    await results.waitFor({ timeout: 20_000 });
    expect(await app.page.getByTestId('launch-summary').textContent()).toBe('2 running, 0 did not start.');
    expect((await results.getByRole('listitem').allTextContents()).sort()).toEqual(
      [`Quest 3 (${headset(0).serial}): running, and the learner's session has started.`, `Quest 2 (${headset(1).serial}): running.`].sort(),
    );

    await navLink(app.page, 'My VR sessions').click();
    await session.getByText('In progress', { exact: true }).waitFor();
    const [stored] = await readStore(app.page, 'vrSessions');
    expect(stored).toMatchObject({ user_id: ALICE, status: 'in_progress' });
    expect(Date.parse(String(stored!.download_started_at))).toBeLessThanOrEqual(Date.parse(String(stored!.download_completed_at)));
    expect(Date.parse(String(stored!.download_completed_at))).toBeLessThanOrEqual(Date.parse(String(stored!.first_launch_at)));

    // What the headsets themselves say.
    for (const i of [0, 1]) {
      expect(headset(i).state.installedVersion(PACKAGE)).toBe(7);
      expect(headset(i).state.foreground.packageName).toBe(PACKAGE);
    }
    expect(headset(2).state.installedVersion(PACKAGE)).toBeNull();
    expect(app.pageErrors).toEqual([]);
  });
});
