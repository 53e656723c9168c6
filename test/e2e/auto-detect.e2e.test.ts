import { describe, expect, it } from 'vitest';
import { useCartApp } from '../support/e2e-cart-app';
import { scriptExperience } from '../fakes/quest-adbd/experience';
import type { ExperienceRun, ExperienceStep } from '../fakes/quest-adbd/experience';
import { navLink, readStore } from '../support/page-helpers';

const PACKAGE = 'org.example.safety';
const TITLE = 'Safety VR';
const LEARNERS = ['Ana Silva', 'Ben Okafor', 'Chloé Dubois'] as const;
const CLASS_CSV = 'First Name;Last Name\r\nAna;Silva\r\nBen;Okafor\r\nChloé;Dubois\r\n';
// The documented retry rules, without their waits: a refused connection is retried at once, 3 tries.
const FAST_CLIENT = { sleep: () => Promise.resolve(), maxAttempts: 3 };

const app = useCartApp({
  headsets: [{ model: 'Quest 3' }, { model: 'Quest 3' }, { model: 'Quest 3' }],
  apk: { packageName: PACKAGE, versionCode: 7, versionName: '1.0.7', label: TITLE, minSdk: 29, launchableActivity: '.MainActivity', sizeBytes: 256 * 1024 },
});

const headset = (i: number) => app.cart.cart.headsets[i]!;
const card = (i: number) => app.page.getByRole('article', { name: `${headset(i).model} ${headset(i).serial}` });
const sessionCard = () => app.page.getByRole('article', { name: TITLE });

/** A gate the scripted experience waits on, opened by the test (the learner finishing, or the headset gone). */
function gate(): { readonly until: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const until = new Promise<void>((resolve) => (open = resolve));
  return { until, open };
}

async function signInAs(name: string): Promise<void> {
  await app.page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await app.page.getByRole('button', { name }).click();
  await app.page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
}

async function signOut(): Promise<void> {
  await app.page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await app.page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
}

describe('headsets report completion through adb reverse (auto_detect)', () => {
  it('two headsets complete their learners’ sessions, one is unplugged mid-session and its learner stays in progress', async () => {
    // The class, and the app in the library from its APK.
    await navLink(app.page, 'Class').click();
    await app.page.getByLabel('Class name').fill('5B');
    await app.page.getByLabel('Class list (CSV)').setInputFiles({ name: '5b.csv', mimeType: 'text/csv', buffer: Buffer.from(CLASS_CSV) });
    await app.page.getByRole('status').filter({ hasText: '5B: 3 added, 0 updated.' }).waitFor();
    await navLink(app.page, 'VR library').click();
    const importer = app.page.getByRole('region', { name: 'Import an APK' });
    await importer.getByLabel('APK and OBB files').setInputFiles(app.apk.path);
    await importer.getByRole('button', { name: 'Save to library' }).click();
    await importer.getByRole('status').filter({ hasText: `“${TITLE}” was added to the library.` }).waitFor();

    // Each learner starts the experience choosing "The headset reports it" (the instructor stays beside them).
    for (const name of LEARNERS) {
      await signInAs(name);
      const row = app.page.getByTestId('start-table').getByRole('row', { name: new RegExp(TITLE) });
      await row.getByLabel(`How to finish “${TITLE}”`).selectOption('auto_detect');
      await row.getByRole('button', { name: 'Start' }).click();
      await sessionCard().getByText('Downloading', { exact: true }).waitFor();
      await sessionCard().getByTestId('headset-reports').waitFor();
      await signOut();
    }
    const sessionOf = new Map<string, string>();
    const learners = await readStore(app.page, 'learners');
    for (const session of await readStore(app.page, 'vrSessions')) {
      const learner = learners.find((l) => l.id === session.user_id);
      sessionOf.set(String(learner?.display_name), String(session.id));
      expect(session).toMatchObject({ completion_mode: 'auto_detect', status: 'downloading' });
    }
    expect([...sessionOf.keys()].sort()).toEqual([...LEARNERS].sort());

    // Headset i is learner i's: install on the cart for their sessions.
    await navLink(app.page, 'Headsets').click();
    await app.page.getByRole('combobox', { name: /^Package/ }).selectOption({ label: `${TITLE} (1.0.7)` });
    for (const [i, name] of LEARNERS.entries()) await card(i).getByRole('combobox', { name: /^Learner session/ }).selectOption({ label: `${name} (Downloading)` });
    await app.page.getByRole('button', { name: 'Install on all' }).click();
    for (const i of [0, 1, 2]) await card(i).getByText('Up to date', { exact: true }).waitFor({ timeout: 30_000 });

    // The experience on each headset: progress, then (when the test says) completion. Headset 2's learner
    // never gets there: it is unplugged first.
    const finish = [gate(), gate(), gate()];
    const completions = [{ score: { raw: 8, max: 10 }, time_spent_seconds: 600 }, { score: { raw: 13, max: 20 }, time_spent_seconds: 900 }, { score: { raw: 10, max: 10 } }];
    const scripts = [0, 1, 2].map((i) => {
      const steps: ExperienceStep[] = [{ kind: 'progress', progress: i === 2 ? 0.25 : 0.5 }, { kind: 'wait', until: finish[i]!.until }, { kind: 'complete', body: completions[i]! }];
      return scriptExperience(headset(i), { packageName: PACKAGE, steps, client: FAST_CLIENT });
    });

    await app.page.getByRole('button', { name: 'Launch on all' }).click();
    const results = app.page.getByRole('list', { name: 'Launch results' });
    await results.waitFor({ timeout: 30_000 });
    expect((await results.getByRole('listitem').allTextContents()).sort()).toEqual([0, 1, 2].map((i) => `Quest 3 (${headset(i).serial}): running, and the learner's session has started.`).sort());

    // Each app got its own session, a token and the kiosk's reverse port, and its progress landed over the tunnel.
    const port = app.fixture.services.headsetApi.port;
    expect(port).not.toBeNull();
    const run = (i: number): ExperienceRun => scripts[i]!.runs[0]!;
    for (const [i, name] of LEARNERS.entries()) {
      await expect.poll(() => scripts[i]!.runs.length).toBe(1);
      expect(run(i).extras).toMatchObject({ 'outpost.session_id': sessionOf.get(name), 'outpost.port': String(port) });
      expect(headset(i).reverse.has(port!)).toBe(true);
      await expect.poll(() => run(i).calls.length).toBe(1);
      expect(run(i).calls[0]).toMatchObject({ step: 'progress', status: 200 });
    }
    await expect
      .poll(async () => (await readStore(app.page, 'vrSessions')).map((s) => [s.id, s.status, s.headset_progress]).sort())
      .toEqual(LEARNERS.map((name, i) => [sessionOf.get(name), 'in_progress', i === 2 ? 0.25 : 0.5]).sort());

    // Headset 2 is unplugged: the adb server forgets it, its side of the link (and reverse port) dies,
    // and its card says so. Then its app tries to report completion and reaches nothing.
    await app.cart.adb.adb(['disconnect', headset(2).serial]);
    await app.cart.adb.waitForState(headset(2).serial, 'absent', 20_000);
    await expect.poll(() => card(2).getAttribute('data-state'), { timeout: 20_000 }).toBe('disconnected');
    await expect.poll(() => headset(2).reverse.has(port!)).toBe(false);
    // Main forgot its launch token when it left, so even a way back to the kiosk would be refused.
    await expect.poll(() => app.fixture.services.headsetApi.tokens.verify(run(2).extras['outpost.token']!)).toBeNull();
    finish[2]!.open();
    await run(2).done;
    expect(run(2).calls.at(-1), JSON.stringify(run(2).calls)).toMatchObject({ step: 'complete', status: 0, attempts: FAST_CLIENT.maxAttempts });

    // The other two learners finish: their apps report through the real adb server's reverse tunnel.
    finish[0]!.open();
    finish[1]!.open();
    await Promise.all([run(0).done, run(1).done]);
    for (const i of [0, 1]) {
      expect(run(i).calls.map((c) => [c.step, c.status]), JSON.stringify(run(i).calls)).toEqual([
        ['progress', 200],
        ['wait', 0],
        ['complete', 200],
      ]);
      // Both reports travelled as streams the headset opened to the host, not as direct sockets.
      expect(headset(i).reverse.tunnelsOpened).toBe(2);
      // The session ended, so the headset's reverse port is torn down.
      await expect.poll(() => headset(i).reverse.has(port!)).toBe(false);
    }
    expect(headset(2).reverse.tunnelsOpened).toBe(1);

    // Each learner's own list tells the truth.
    const expected = [
      { name: LEARNERS[0], score: '80 of 100', result: 'Passed', minutes: '10 min' },
      { name: LEARNERS[1], score: '65 of 100', result: 'Not passed', minutes: '15 min' },
    ];
    for (const { name, score, result, minutes } of expected) {
      await signInAs(name);
      const done = sessionCard();
      await done.getByText('Completed', { exact: true }).first().waitFor();
      await done.getByTestId('completed-by-headset').filter({ hasText: 'Completed by the headset' }).waitFor();
      await done.getByText(score, { exact: true }).waitFor();
      await done.getByText(result, { exact: true }).waitFor();
      await done.getByText(minutes, { exact: true }).waitFor();
      expect(await done.getByRole('button', { name: 'Mark as completed' }).count()).toBe(0);
      await signOut();
    }
    await signInAs(LEARNERS[2]);
    const open = sessionCard();
    await open.getByText('In progress', { exact: true }).waitFor();
    await open.getByTestId('headset-reports').waitFor();
    expect(await open.getByTestId('completed-by-headset').count()).toBe(0);
    // The learner can still finish it by hand: the headset did not report.
    await open.getByRole('button', { name: 'Mark as completed' }).waitFor();
    await signOut();

    // The instructor's class progress grid says the same.
    await navLink(app.page, 'Class progress').click();
    const grid = app.page.getByRole('table', { name: /3 learners × 1 activity\b/ });
    await grid.getByRole('row', { name: /Ana Silva/ }).getByRole('cell', { name: 'Passed · 80% · 10 min' }).waitFor();
    await grid.getByRole('row', { name: /Ben Okafor/ }).getByRole('cell', { name: 'Failed · 65% · 15 min' }).waitFor();
    await grid.getByRole('row', { name: /Chloé Dubois/ }).getByRole('cell', { name: 'In progress' }).waitFor();

    // IndexedDB: the headset, not the learner, reported; the remote's complete is queued in the seed's words.
    const rows = new Map((await readStore(app.page, 'vrSessions')).map((s) => [s.id, s]));
    expect(rows.get(sessionOf.get(LEARNERS[0]))).toMatchObject({ status: 'completed', self_reported: false, success_status: 'passed', score: { raw: 80, max: 100 }, time_spent_seconds: 600 });
    expect(rows.get(sessionOf.get(LEARNERS[1]))).toMatchObject({ status: 'completed', self_reported: false, success_status: 'failed', score: { raw: 65, max: 100 }, time_spent_seconds: 900 });
    expect(rows.get(sessionOf.get(LEARNERS[2]))).toMatchObject({ status: 'in_progress', completed_at: null, score: null, headset_progress: 0.25 });
    const outbox = await readStore(app.page, 'outbox');
    const completes = outbox.filter((op) => op.kind === 'vr_session.complete');
    expect(completes.map((op) => [op.entity_id, op.body]).sort()).toEqual(
      [
        [sessionOf.get(LEARNERS[0]), { score: 80, time_spent_minutes: 10 }],
        [sessionOf.get(LEARNERS[1]), { score: 65, time_spent_minutes: 15 }],
      ].sort(),
    );
    expect(app.pageErrors).toEqual([]);
  });
});
