import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApk } from '../fakes/apk-builder';
import type { BuiltApk } from '../fakes/apk-builder';
import { CrashRig, crashKills, crashTestTimeout, crashRandom, killAfter } from '../support/crash-harness';
import type { KillTarget } from '../support/crash-harness';
import { RENDERER_DIR } from '../support/e2e-app';
import { enterInstructorMode, navLink, readStore } from '../support/page-helpers';
import { startCartFixture } from '../support/sideload-fixture';
import type { CartFixture } from '../support/sideload-fixture';

const MIB = 1024 * 1024;
const PACKAGE = 'org.example.safety';
const KILLS = crashKills(3);
const RUNNING = ['queued', 'transferring', 'installing', 'verifying'];

let rig: CrashRig | undefined;
let cart: CartFixture | undefined;
let apk: BuiltApk | undefined;
afterAll(async () => {
  await rig?.stop();
  await cart?.stop();
  if (apk) await rm(dirname(apk.path), { recursive: true, force: true });
});

const card = (page: Page, serial: string) => page.getByRole('article', { name: new RegExp(serial.replace(/[.]/g, '\\.')) });

/** How many times the headset lists the package (pm list packages), and at which version. */
async function onHeadset(fixture: CartFixture, serial: string): Promise<{ listed: number; version: bigint | null }> {
  const listing = await fixture.bridge.shell(serial, 'pm list packages');
  return { listed: listing.split('\n').filter((line) => line.trim() === `package:${PACKAGE}`).length, version: await fixture.bridge.installedVersion(serial, PACKAGE) };
}

describe('crash safety: installs on a cart killed at random points', () => {
  it(`after ${KILLS} kills mid-install, jobs read interrupted (never installing forever, never done), resume to done, and each headset has the app once`, async () => {
    const random = crashRandom('sideload');
    // Two headsets on a private adb server in this process; both links slow, so a 4 MiB push takes ~2 s.
    [cart, apk] = await Promise.all([
      startCartFixture([{ model: 'Quest 3', battery: { level: 80 } }, { model: 'Quest 2', battery: { level: 60 } }]),
      buildApk({ packageName: PACKAGE, versionCode: 7, versionName: '1.0.7', label: 'Safety VR', minSdk: 29, launchableActivity: '.MainActivity', sizeBytes: 4 * MIB }),
    ]);
    for (const headset of cart.cart.headsets) {
      headset.faults.throttleBytesPerSecond = 2 * MIB;
      headset.faults.installTiming = { fixedMs: 400, bytesPerSecond: 40e6 };
    }
    const serials = cart.cart.headsets.map((h) => h.serial);
    rig = await CrashRig.create({ rendererDir: RENDERER_DIR, adbPort: cart.adb.port });
    let page = await rig.start();

    await navLink(page, 'VR library').click();
    const importer = page.getByRole('region', { name: 'Import an APK' });
    await importer.getByLabel('APK and OBB files').setInputFiles(apk.path);
    await importer.getByRole('button', { name: 'Save to library' }).click();
    await importer.getByRole('status').filter({ hasText: '“Safety VR” was added to the library.' }).waitFor();

    for (let kill = 0; kill < KILLS; kill += 1) {
      for (const serial of serials) await cart.bridge.uninstall(serial, PACKAGE);
      await navLink(page, 'Headsets').click();
      for (const serial of serials) await card(page, serial).waitFor({ timeout: 30_000 });
      await page.getByRole('combobox', { name: /^Package/ }).selectOption({ label: 'Safety VR (1.0.7)' });
      const before = new Set((await readStore(page, 'sideloadJobs')).map((job) => job.id as string));
      await page.getByRole('button', { name: 'Install on all' }).click();
      const started = Date.now();
      await page.getByRole('status').filter({ hasText: 'Installing on 2 headsets.' }).waitFor();
      // Mostly the host (main runs the installs); sometimes the browser too, or only the browser.
      const target = random.pick<KillTarget>(['host', 'host', 'both', 'browser']);
      const delay = Math.max(0, random.between(100, 3400) - (Date.now() - started));
      console.log(`[crash] sideload: kill ${kill + 1}/${KILLS}: ${target} ${delay} ms after the jobs were accepted`);
      await killAfter(rig, delay, target);
      page = await rig.restart();
      await enterInstructorMode(page);
      await navLink(page, 'Headsets').click();

      // Settled: every job of this round is final (done, or interrupted when main died under it), none running.
      const round = async () => (await readStore(page, 'sideloadJobs')).filter((job) => !before.has(job.id as string));
      await expect.poll(async () => (await round()).map((job) => job.status).filter((status) => RUNNING.includes(status as string)), { timeout: 30_000 }).toEqual([]);
      const settled = await round();
      expect(settled).toHaveLength(serials.length);
      const interrupted = settled.filter((job) => job.status === 'interrupted');
      if (target === 'browser') expect(interrupted).toEqual([]);
      for (const job of settled) expect(['done', 'interrupted']).toContain(job.status);
      console.log(`[crash] sideload: after restart ${settled.map((job) => job.status).join(', ')}`);

      // Resume each interrupted one from its card; it ends done (or skipped: pm had finished before the kill).
      for (const job of interrupted) {
        const jobCard = card(page, job.serial as string);
        await jobCard.getByRole('alert').filter({ hasText: 'Installing “Safety VR” was interrupted' }).waitFor();
        await jobCard.getByRole('button', { name: 'Resume install' }).click();
      }
      await expect.poll(async () => (await round()).map((job) => job.status), { timeout: 30_000 }).toEqual(settled.map(() => expect.stringMatching(/^(done|skipped)$/)));
      console.log(`[crash] sideload: after resuming ${(await round()).map((job) => job.status).join(', ')}`);
      // The resumed job kept its id: still one job per headset for this round.
      expect((await round()).map((job) => job.serial).sort()).toEqual([...serials].sort());
      for (const serial of serials) expect(await onHeadset(cart, serial)).toEqual({ listed: 1, version: 7n });
    }

    // A journal lost with the kill (deleted here): main knows nothing of the round, so the renderer marks
    // the rows it left running interrupted itself, and Resume says why it cannot.
    for (const serial of serials) await cart.bridge.uninstall(serial, PACKAGE);
    await page.getByRole('combobox', { name: /^Package/ }).selectOption({ label: 'Safety VR (1.0.7)' });
    const before = new Set((await readStore(page, 'sideloadJobs')).map((job) => job.id as string));
    await page.getByRole('button', { name: 'Install on all' }).click();
    // Killed while both copy (the renderer has a row for each: main publishes from the first byte on).
    for (const serial of serials) await card(page, serial).getByRole('progressbar').waitFor();
    await rig.kill('host');
    await rm(join(rig.dataDir, 'sideload-jobs.json'));
    page = await rig.restart();
    await enterInstructorMode(page);
    await navLink(page, 'Headsets').click();
    const lost = async () => (await readStore(page, 'sideloadJobs')).filter((job) => !before.has(job.id as string));
    await expect.poll(async () => (await lost()).map((job) => job.status), { timeout: 30_000 }).toEqual(serials.map(() => 'interrupted'));
    const first = card(page, serials[0]!);
    await first.getByRole('button', { name: 'Resume install' }).click();
    await first.getByRole('alert').filter({ hasText: 'This install cannot be resumed: this kiosk no longer has its details.' }).waitFor();
    expect(rig.pageErrors).toEqual([]);
  }, crashTestTimeout(KILLS + 1));
});
