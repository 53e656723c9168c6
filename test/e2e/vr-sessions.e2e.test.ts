import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { jsonFile, leaveInstructorMode, navLink, openApp, readStore } from '../support/page-helpers';
import { ALICE, BOB, TENANT } from '../support/local-api-fixture';
import { startServeFixture } from '../support/serve-fixture';
import type { ServeFixture } from '../support/serve-fixture';

const rendererDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');
const CAROL = 'ca201000-0000-4000-8000-000000000003';

let browser: Browser;
let fixture: ServeFixture;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  fixture = await startServeFixture(rendererDir);
  ({ context, page, pageErrors } = await openApp(browser, fixture.host.url, { timezoneId: 'Asia/Taipei' }));
});
afterEach(async () => {
  await context?.close();
  await fixture?.stop();
});




describe('a learner records a VR session on an offline kiosk', () => {
  it('imports a class list, signs in, starts a score_entry session and completes it with inline validation, in en and zh-Hant', async () => {
    // The instructor (who set the kiosk up) loads the class list; a broken file is refused with its problems named.
    await navLink(page, 'Class').click();
    await page.getByRole('heading', { name: 'Class', exact: true }).waitFor();
    const fileInput = page.getByLabel('Class list file (JSON)');
    await fileInput.setInputFiles(jsonFile('broken.json', { tenant_id: TENANT, learners: [{ id: 'nope', display_name: 'X' }] }));
    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was imported from “broken.json”' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Learner 1, “id”: must be a UUID');
    expect(await readStore(page, 'learners')).toEqual([]);

    const roster = {
      tenant_id: TENANT,
      learners: [
        { id: BOB, display_name: 'Bob Chen' },
        { id: ALICE, display_name: 'Alice Wong' },
        { id: CAROL, display_name: 'Carol Lin', role: 'instructor' },
      ],
    };
    await fileInput.setInputFiles(jsonFile('class-7b.json', roster));
    await page.getByRole('status').filter({ hasText: '3 learners imported.' }).waitFor();

    // The instructor gives Alice a PIN; the form checks the PIN's shape inline first.
    await page.getByRole('combobox', { name: /^Learner/ }).selectOption({ label: 'Alice Wong' });
    await page.getByLabel('New PIN').fill('12');
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await page.getByRole('alert').filter({ hasText: 'A PIN is 4 to 8 digits.' }).waitFor();
    await page.getByLabel('New PIN').fill('2468');
    await page.getByRole('alert').filter({ hasText: 'A PIN is 4 to 8 digits.' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await page.getByRole('status').filter({ hasText: 'PIN set for Alice Wong.' }).waitFor();

    // A package is added by hand (an app already on the headsets).
    await navLink(page, 'VR library').click();
    await page.getByLabel('Title').fill('Safety Training VR');
    await page.getByLabel('Version').fill('1.0.0');
    await page.getByLabel('Quest 3', { exact: true }).check();
    await page.getByRole('button', { name: 'Add package' }).click();
    await page.getByRole('status').filter({ hasText: '“Safety Training VR” was added.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Start' }).count()).toBe(0);

    // The instructor leaves; the kiosk now shows learners only their own pages.
    await leaveInstructorMode(page);
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Overview', 'My VR sessions', 'My lessons']);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    expect(await page.getByRole('list', { name: 'Class list' }).getByRole('button').allTextContents()).toEqual(['Alice Wong', 'Bob Chen', 'Carol Lin']);

    // Alice signs in; a wrong PIN is refused inline.
    await page.getByLabel('Find your name').fill('ali');
    await page.getByRole('button', { name: 'Alice Wong' }).click();
    await page.getByLabel('PIN', { exact: true }).fill('1111');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That PIN is not right. Try again.' }).waitFor();
    await page.getByLabel('PIN', { exact: true }).fill('2468');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
    expect(await page.getByTestId('signed-in-learner').textContent()).toBe('Signed in as Alice Wong');

    // She starts a score_entry session from her page; it waits in "Downloading" (no headset here).
    const row = page.getByTestId('start-table').getByRole('row', { name: /Safety Training VR/ });
    await row.getByLabel('How to finish “Safety Training VR”').selectOption('score_entry');
    await row.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('status').filter({ hasText: '“Safety Training VR” started.' }).waitFor();
    const card = page.getByRole('article', { name: 'Safety Training VR' });
    await card.getByText('Downloading', { exact: true }).waitFor();
    expect(await card.getByText('Enter a score', { exact: true }).count()).toBe(1);

    // Starting again reuses the open session, as the seed's 200 "Existing session returned" says.
    await row.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('status').filter({ hasText: 'You already had an open session for “Safety Training VR”' }).waitFor();
    await card.waitFor();
    expect(await page.getByRole('article').count()).toBe(1);

    // Out-of-range values are caught inline and nothing is written.
    await card.getByLabel('Score (0–100)').fill('120');
    await card.getByLabel('Notes (optional)').fill('x'.repeat(1001));
    await card.getByText('1001 / 1000 characters').waitFor();
    await card.getByRole('button', { name: 'Mark as completed' }).click();
    await card.getByRole('alert').filter({ hasText: 'The score must be between 0 and 100.' }).waitFor();
    expect(await card.getByRole('alert').allTextContents()).toEqual(['The score must be between 0 and 100.', 'Notes can be at most 1000 characters.']);
    const [stored] = await readStore(page, 'vrSessions');
    expect(stored).toMatchObject({ user_id: ALICE, status: 'downloading', completion_mode: 'score_entry', score: null });
    expect((await readStore(page, 'outbox')).map((op) => op.kind)).toEqual(['vr_session.create']);

    // A valid report completes the session: passed, 30 minutes.
    await card.getByLabel('Score (0–100)').fill('85');
    await card.getByLabel('Time spent in minutes (optional)').fill('30');
    await card.getByLabel('Notes (optional)').fill('');
    await card.getByRole('button', { name: 'Mark as completed' }).click();
    await card.getByText('Completed', { exact: true }).first().waitFor();
    await card.getByText('Passed', { exact: true }).waitFor();
    expect(await card.getByText('85 of 100').count()).toBe(1);
    expect(await card.getByText('30 min').count()).toBe(1);
    expect(await card.getByRole('button', { name: 'Mark as completed' }).count()).toBe(0);

    // A reload keeps the kiosk signed in and the session completed.
    await page.reload();
    await page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
    await card.getByText('Passed', { exact: true }).waitFor();
    expect(await card.locator('.status').textContent()).toBe('Completed');
    expect(await page.getByTestId('signed-in-learner').textContent()).toBe('Signed in as Alice Wong');

    // In Traditional Chinese the same page reads in Taiwan/Hong Kong wording.
    // A learner may switch the language from the top bar (not the kiosk's other settings).
    await page.getByRole('banner').getByLabel('Language').selectOption('zh-Hant');
    await page.getByRole('heading', { name: '我的 VR 體驗' }).waitFor();
    await card.getByText('通過', { exact: true }).waitFor();
    expect(await card.locator('.status').textContent()).toBe('已完成');
    expect(await card.getByText('85 分（滿分 100）').count()).toBe(1);
    expect(await card.getByText('30 分鐘').count()).toBe(1);
    expect(await card.locator('dd').nth(3).textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await page.getByTestId('signed-in-learner').textContent()).toBe('目前登入：Alice Wong');
    expect(pageErrors).toEqual([]);
  });
});
