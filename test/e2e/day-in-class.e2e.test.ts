import { readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApk } from '../fakes/apk-builder';
import type { BuiltApk } from '../fakes/apk-builder';
import { axeScreen } from '../support/axe-screen';
import { launchChromium } from '../support/chromium';
import { RENDERER_DIR } from '../support/e2e-app';
import type { E2eApp } from '../support/e2e-app';
import { enterInstructorMode, leaveInstructorMode, navLink, openApp, readStore } from '../support/page-helpers';
import { startServeFixture } from '../support/serve-fixture';
import { startCartFixture } from '../support/sideload-fixture';
import type { CartFixture } from '../support/sideload-fixture';

const WALK = 'day-in-class';

/**
 * The day's kiosk: Chromium, a cart of two emulated Quest 3 headsets on a private adb server (not the default
 * port), today's VR app as a real APK to import, and a serve host tracking that cart, set up as a new kiosk in
 * Paris time. One test, so one of each for the file.
 */
let app: E2eApp & { readonly cart: CartFixture; readonly apk: BuiltApk };
let browser: Browser | undefined;
beforeAll(async () => {
  const [chromium, cart, apk] = await Promise.all([
    launchChromium(),
    startCartFixture([{ model: 'Quest 3', battery: { level: 90 } }, { model: 'Quest 3', battery: { level: 70 } }]),
    buildApk({ packageName: 'org.example.safety', versionCode: 1, versionName: '1.0.0', label: 'Safety Training VR', minSdk: 29, launchableActivity: '.MainActivity', sizeBytes: 256 * 1024 }),
  ]);
  browser = chromium;
  const fixture = await startServeFixture(RENDERER_DIR, { adbPort: cart.adb.port });
  await fixture.services.startHeadsets();
  app = { browser: chromium, cart, apk, fixture, ...(await openApp(chromium, fixture.host.url, { timezoneId: 'Europe/Paris' })) };
});
afterAll(async () => {
  await app?.context.close();
  await browser?.close();
  await app?.fixture.stop();
  await app?.cart.stop();
  if (app) await rm(dirname(app.apk.path), { recursive: true, force: true });
});

/** A class list as a school's system exports it: header row, student numbers, first and last names, two Toms. */
const CLASS_CSV = '\uFEFFStudent ID;First Name;Last Name;Form\r\nS1;Zoë;Martin;5B\r\nS2;Tom;;5B\r\nS3;Tom;;5B\r\nS4;Ana;Silva;5B\r\n';

describe('a day in class', () => {
  it('imports the class from a spreadsheet, sideloads today’s app to the cart, a learner plays and reports, the instructor reviews the grid and exports it; axe finds nothing serious on any screen', async () => {
    const { page } = app;
    const problems: string[] = [];

    // Morning: the class list from the school's export, into class 5B.
    await navLink(page, 'Class').click();
    await page.getByRole('heading', { name: 'Class', exact: true }).waitFor();
    await page.getByLabel('Class name').fill('5B');
    await page.getByLabel('Class list (CSV)').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(CLASS_CSV) });
    await page.getByRole('status').filter({ hasText: '5B: 4 added, 0 updated.' }).waitFor();
    await page.getByText('5B (4 learners)').waitFor();
    problems.push(...(await axeScreen(page, WALK, '01-class')));
    expect((await readStore(page, 'learners')).map((row) => row.display_name).sort()).toEqual(['Ana Silva', 'Tom (S2)', 'Tom (S3)', 'Zoë Martin']);

    // Today's VR app, imported from its APK.
    await navLink(page, 'VR library').click();
    const importer = page.getByRole('region', { name: 'Import an APK' });
    await importer.getByLabel('APK and OBB files').setInputFiles(app.apk.path);
    await importer.getByRole('button', { name: 'Save to library' }).click();
    await importer.getByRole('status').filter({ hasText: '“Safety Training VR” was added to the library.' }).waitFor();
    problems.push(...(await axeScreen(page, WALK, '02-library')));

    // Before class: sideload it to every headset on the cart, and read the cart-level summary.
    await navLink(page, 'Headsets').click();
    await page.getByRole('combobox', { name: /^Package/ }).selectOption({ label: 'Safety Training VR (1.0.0)' });
    const readiness = page.getByTestId('cart-readiness');
    await readiness.filter({ hasText: '0 of 2 headsets ready for “Safety Training VR” · app not installed: 2' }).waitFor();
    await page.getByRole('button', { name: 'Install on all' }).click();
    await page.getByTestId('bulk-summary').filter({ hasText: '2 installed, 0 skipped, 0 failed, 0 cancelled, 0 still running.' }).waitFor({ timeout: 60_000 });
    await readiness.filter({ hasText: '2 of 2 headsets ready for “Safety Training VR”' }).waitFor();
    expect(app.cart.cart.headsets.map((headset) => headset.state.installedVersion('org.example.safety'))).toEqual([1, 1]);
    problems.push(...(await axeScreen(page, WALK, '02b-sideload')));

    // Zoë finds herself by typing "zoe", plays and reports her score.
    await leaveInstructorMode(page);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Find your name').fill('zoe');
    expect(await page.getByRole('list', { name: 'Class list' }).getByRole('button').allTextContents()).toEqual(['Zoë Martin']);
    problems.push(...(await axeScreen(page, WALK, '03-sign-in')));
    await page.getByRole('button', { name: 'Zoë Martin' }).click();
    await page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
    const row = page.getByTestId('start-table').getByRole('row', { name: /Safety Training VR/ });
    await row.getByLabel('How to finish “Safety Training VR”').selectOption('score_entry');
    await row.getByRole('button', { name: 'Start' }).click();
    const card = page.getByRole('article', { name: 'Safety Training VR' });
    await card.getByLabel('Score (0–100)').fill('85');
    await card.getByLabel('Time spent in minutes (optional)').fill('30');
    await card.getByRole('button', { name: 'Mark as completed' }).click();
    await card.getByText('Passed', { exact: true }).waitFor();
    problems.push(...(await axeScreen(page, WALK, '04-my-sessions')));
    await page.getByRole('button', { name: 'Sign out' }).click();

    // Tom (S2) tries the fractions exercise: two right, then a wrong first answer.
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Find your name').fill('tom');
    expect(await page.getByRole('list', { name: 'Class list' }).getByRole('button').allTextContents()).toEqual(['Tom (S2)', 'Tom (S3)']);
    await page.getByRole('button', { name: 'Tom (S2)' }).click();
    // Signing in lands on My VR sessions; navigating before that landing would be overridden by it.
    await page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
    await navLink(page, 'My exercises').click();
    await page.getByRole('button', { name: 'Open “Fractions: choose the answer”' }).click();
    const question = page.getByRole('form', { name: 'Question' });
    for (const [choice, verdict] of [['3/4', 'Correct!'], ['2/4', 'Correct!'], ['1/2', 'Not quite'], ['1/8', 'Correct!']] as const) {
      await question.getByLabel(choice, { exact: true }).check();
      await question.getByRole('button', { name: 'Check answer' }).click();
      await question.getByTestId('answer-feedback').filter({ hasText: verdict }).waitFor();
      if (choice === '1/2') problems.push(...(await axeScreen(page, WALK, '04b-exercise-question')));
      if (verdict === 'Correct!' && choice !== '1/8') await page.getByRole('button', { name: 'Next question' }).click();
    }
    await page.getByRole('button', { name: 'Sign out' }).click();

    // Afternoon: the instructor reviews the class.
    await enterInstructorMode(page);
    // The package cannot be deleted while Zoë's session uses it, and the refusal says why.
    await navLink(page, 'VR library').click();
    await page.getByLabel("Which of this kiosk's packages").selectOption({ label: 'Safety Training VR' });
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not deleted: it is in use (1 learner sessions, 0 activities, 0 installs running).' }).waitFor();
    expect(await readStore(page, 'vrPackages')).toHaveLength(1);
    await navLink(page, 'Class progress').click();
    const heading = page.getByRole('heading', { name: 'Class progress', level: 1 });
    await heading.waitFor();
    // Focus moved to the page's heading with the navigation.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByText('4 learners, 0 needing help.').waitFor();
    const grid = page.getByRole('table', { name: /4 learners × 2 activities/ });
    const zoe = grid.getByRole('row', { name: /Zoë Martin/ });
    await zoe.getByRole('cell', { name: 'Passed · 85% · 30 min' }).waitFor();
    const tom = await grid.getByRole('row', { name: /Tom \(S2\)/ }).getByRole('cell').allTextContents();
    expect(tom[0]).toBe('Not started');
    expect(tom[1]).toMatch(/^In progress · 67%( · \d+ (?:s|sec))?$/);
    const completion = page.getByRole('img', { name: /Completion per activity: highest is Safety Training VR at 25%/ });
    expect(await completion.count()).toBe(1);
    // The chart by keyboard: focus it, move through the bars, each read out.
    await completion.focus();
    await page.keyboard.press('Home');
    const reading = page.getByRole('figure', { name: 'Completion per activity' }).getByTestId('chart-reading');
    await expect.poll(() => reading.textContent()).toMatch(/^.+: \d+%$/);
    const first = await reading.textContent();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => reading.textContent()).not.toBe(first);
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await expect.poll(() => reading.textContent()).toBe(first);
    problems.push(...(await axeScreen(page, WALK, '05-progress')));

    // Live: Ana starts the VR experience at a second window of the kiosk; this grid shows it without a reload.
    const second = await app.context.newPage();
    await second.goto(app.fixture.host.url);
    await second.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await second.getByRole('button', { name: 'Ana Silva' }).click();
    const anaStart = second.getByTestId('start-table').getByRole('row', { name: /Safety Training VR/ });
    await anaStart.getByLabel('How to finish “Safety Training VR”').selectOption('score_entry');
    await anaStart.getByRole('button', { name: 'Start' }).click();
    const anaCard = second.getByRole('article', { name: 'Safety Training VR' });
    await anaCard.waitFor();
    const ana = grid.getByRole('row', { name: /Ana Silva/ });
    await ana.getByRole('cell', { name: 'In progress', exact: true }).waitFor();
    // She reports a score under the pass mark: the grid flags her as needing help, live, and says why.
    await anaCard.getByLabel('Score (0–100)').fill('30');
    await anaCard.getByRole('button', { name: 'Mark as completed' }).click();
    await anaCard.getByText('Not passed', { exact: true }).waitFor();
    await second.close();
    await ana.getByRole('cell', { name: 'Failed · 30%', exact: true }).waitFor();
    await ana.getByText('Needs help: Failed Safety Training VR', { exact: true }).waitFor();
    await page.getByText('4 learners, 1 needing help.').waitFor();
    expect(await grid.getByText(/^Needs help:/).count()).toBe(1);
    // "Only learners who need help": Ana alone, and the export follows.
    await page.getByLabel('Only learners who need help').check();
    await page.getByRole('table', { name: /^1 learner × 2 activities/ }).waitFor();
    expect(await page.getByRole('table', { name: /learners? ×/ }).getByRole('rowheader').allTextContents()).toEqual(['Ana SilvaNeeds help: Failed Safety Training VR']);
    const [helpOnly] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect((await readFile(await helpOnly.path(), 'utf8')).split('\r\n')).toEqual([
      '\uFEFFLearner,Needs help,Safety Training VR,Fractions: choose the answer',
      'Ana Silva,Failed Safety Training VR,Failed · 30%,Not started',
      '',
    ]);
    problems.push(...(await axeScreen(page, WALK, '05b-needs-help-only')));
    await page.getByLabel('Only learners who need help').uncheck();
    await grid.waitFor();

    // Zoë's detail in a dialog; Escape closes it and focus returns to her name.
    const trigger = zoe.getByRole('button', { name: 'Zoë Martin' });
    await trigger.click();
    const dialog = page.getByRole('dialog', { name: 'Zoë Martin' });
    await dialog.getByRole('rowheader', { name: 'Safety Training VR' }).waitFor();
    problems.push(...(await axeScreen(page, WALK, '06-learner-detail')));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await trigger.evaluate((element) => element === document.activeElement)).toBe(true);

    // The exercise's detail names the question Tom got wrong.
    const exercise = grid.getByRole('button', { name: 'Fractions: choose the answer' });
    await exercise.click();
    const exerciseDialog = page.getByRole('dialog', { name: 'Fractions: choose the answer' });
    await exerciseDialog.getByRole('heading', { name: 'Difficult questions' }).waitFor();
    expect(await exerciseDialog.getByRole('listitem').allTextContents()).toEqual(['Question 3 — 1 of 1 learners wrong']);
    problems.push(...(await axeScreen(page, WALK, '06c-exercise-detail')));
    await exerciseDialog.getByRole('button', { name: 'Close' }).click();
    await exerciseDialog.waitFor({ state: 'detached' });
    expect(await exercise.evaluate((element) => element === document.activeElement)).toBe(true);

    // Export: what is shown, as a spreadsheet opens it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('5B progress.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['\uFEFFLearner,Needs help,Safety Training VR,Fractions: choose the answer', 'Ana Silva,Failed Safety Training VR,Failed · 30%,Not started']);
    expect(lines[2]).toMatch(/^Tom \(S2\),,Not started,In progress · 67%( · \d+ (?:s|sec))?$/);
    expect(lines.slice(3)).toEqual(['Tom (S3),,Not started,Not started', 'Zoë Martin,,Passed · 85% · 30 min,Not started', '']);
    // Only the exercises: the export follows the view.
    await page.getByLabel('Activities', { exact: true }).selectOption({ label: 'Exercises and quizzes' });
    const [narrow] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect((await readFile(await narrow.path(), 'utf8')).split('\r\n')[0]).toBe('\uFEFFLearner,Needs help,Fractions: choose the answer');
    await page.getByLabel('Activities', { exact: true }).selectOption({ label: 'All activities' });

    // Printed: the grid and charts without the app's chrome or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Export CSV' }).isVisible()).toBe(false);
    expect(await grid.isVisible()).toBe(true);
    problems.push(...(await axeScreen(page, WALK, '06b-print')));
    await page.emulateMedia({ media: 'screen' });

    // Readable at 200 % zoom (a 1280 px screen is 640 CSS px wide): nothing but the grid scrolls sideways.
    await page.setViewportSize({ width: 640, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    problems.push(...(await axeScreen(page, WALK, '07-progress-200-percent')));
    // Every other instructor page at 200 % too: nothing scrolls sideways but a table of its own.
    for (const [label, heading] of [['Overview', /.+/], ['Class', /.+/], ['VR library', /.+/], ['Headsets', 'Headsets'], ['Headset screens', /.+/], ['Sync', 'Sync'], ['Settings', 'Settings']] as const) {
      await navLink(page, label).click();
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${label} at 200 % zoom`).toBeLessThanOrEqual(0);
      problems.push(...(await axeScreen(page, WALK, `07-${label.toLowerCase().replaceAll(' ', '-')}-200-percent`)));
    }
    await navLink(page, 'Class progress').click();
    await grid.waitFor();
    // At 1920 px the grid gets the width rather than a reading column.
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(await page.getByRole('main').evaluate((main) => main.getBoundingClientRect().width)).toBeGreaterThan(1600);
    problems.push(...(await axeScreen(page, WALK, '08-progress-1920')));

    // The same page in Traditional Chinese.
    await page.getByRole('banner').getByLabel('Language').selectOption('zh-Hant');
    await page.getByRole('heading', { name: '班級進度' }).waitFor();
    const zoeZh = page.getByRole('table', { name: /4 名學員 × 2 項活動/ }).getByRole('row', { name: /Zoë Martin/ });
    await zoeZh.getByRole('cell', { name: /^已通過 · 85% · 30/ }).waitFor();
    problems.push(...(await axeScreen(page, WALK, '09-progress-zh-Hant')));

    expect(problems).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
