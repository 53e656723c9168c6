import { describe, expect, it } from 'vitest';
import { useAppPerTest } from '../support/e2e-app';
import { jsonFile, leaveInstructorMode, navLink, readStore } from '../support/page-helpers';
import { ALICE, BOB, TENANT } from '../support/local-api-fixture';

const CAROL = 'ca201000-0000-4000-8000-000000000003';

const app = useAppPerTest({ timezoneId: 'Asia/Taipei' });

describe('a learner records a VR session on an offline kiosk', () => {
  it('imports a class list, signs in, starts a score_entry session and completes it with inline validation, in en and zh-Hant', async () => {
    // The instructor (who set the kiosk up) loads the class list; a broken file is refused with its problems named.
    await navLink(app.page, 'Class').click();
    await app.page.getByRole('heading', { name: 'Class', exact: true }).waitFor();
    const fileInput = app.page.getByLabel('Class list file (JSON)');
    await fileInput.setInputFiles(jsonFile('broken.json', { tenant_id: TENANT, learners: [{ id: 'nope', display_name: 'X' }] }));
    const refusal = app.page.getByRole('alert').filter({ hasText: 'Nothing was imported from “broken.json”' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Learner 1, “id”: must be a UUID');
    expect(await readStore(app.page, 'learners')).toEqual([]);

    const roster = {
      tenant_id: TENANT,
      learners: [
        { id: BOB, display_name: 'Bob Chen' },
        { id: ALICE, display_name: 'Alice Wong' },
        { id: CAROL, display_name: 'Carol Lin', role: 'instructor' },
      ],
    };
    await fileInput.setInputFiles(jsonFile('class-7b.json', roster));
    await app.page.getByRole('status').filter({ hasText: '3 learners imported.' }).waitFor();

    // The instructor gives Alice a PIN; the form checks the PIN's shape inline first.
    await app.page.getByRole('combobox', { name: /^Learner/ }).selectOption({ label: 'Alice Wong' });
    await app.page.getByLabel('New PIN').fill('12');
    await app.page.getByRole('button', { name: 'Set PIN' }).click();
    await app.page.getByRole('alert').filter({ hasText: 'A PIN is 4 to 8 digits.' }).waitFor();
    await app.page.getByLabel('New PIN').fill('2468');
    await app.page.getByRole('alert').filter({ hasText: 'A PIN is 4 to 8 digits.' }).waitFor({ state: 'detached' });
    await app.page.getByRole('button', { name: 'Set PIN' }).click();
    await app.page.getByRole('status').filter({ hasText: 'PIN set for Alice Wong.' }).waitFor();

    // A package is added by hand (an app already on the headsets).
    await navLink(app.page, 'VR library').click();
    await app.page.getByLabel('Title').fill('Safety Training VR');
    await app.page.getByLabel('Version').fill('1.0.0');
    await app.page.getByLabel('Quest 3', { exact: true }).check();
    await app.page.getByRole('button', { name: 'Add package' }).click();
    await app.page.getByRole('status').filter({ hasText: '“Safety Training VR” was added.' }).waitFor();
    expect(await app.page.getByRole('button', { name: 'Start' }).count()).toBe(0);

    // The instructor leaves; the kiosk now shows learners only their own pages.
    await leaveInstructorMode(app.page);
    expect(await app.page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Overview', 'My VR sessions', 'My lessons', 'My courses', 'My exercises']);
    await app.page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await expect.poll(() => app.page.getByRole('list', { name: 'Class list' }).getByRole('button').allTextContents()).toEqual(['Alice Wong', 'Bob Chen', 'Carol Lin']);

    // Alice signs in; a wrong PIN is refused inline.
    await app.page.getByLabel('Find your name').fill('ali');
    await app.page.getByRole('button', { name: 'Alice Wong' }).click();
    await app.page.getByLabel('PIN', { exact: true }).fill('1111');
    await app.page.getByRole('button', { name: 'Sign in' }).click();
    await app.page.getByRole('alert').filter({ hasText: 'That PIN is not right. Try again.' }).waitFor();
    await app.page.getByLabel('PIN', { exact: true }).fill('2468');
    await app.page.getByRole('button', { name: 'Sign in' }).click();
    await app.page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
    expect(await app.page.getByTestId('signed-in-learner').textContent()).toBe('Signed in as Alice Wong');

    // She starts a score_entry session from her page; it waits in "Downloading" (no headset here).
    const row = app.page.getByTestId('start-table').getByRole('row', { name: /Safety Training VR/ });
    await row.getByLabel('How to finish “Safety Training VR”').selectOption('score_entry');
    await row.getByRole('button', { name: 'Start' }).click();
    await app.page.getByRole('status').filter({ hasText: '“Safety Training VR” started.' }).waitFor();
    const card = app.page.getByRole('article', { name: 'Safety Training VR' });
    await card.getByText('Downloading', { exact: true }).waitFor();
    // A package added by hand is the kiosk's own: its session is kept here, not waiting, and the overview
    // (the scheduler's running count) says nothing waits.
    expect((await readStore(app.page, 'outbox')).map((op) => [op.kind, op.status, op.held_reason])).toEqual([['vr_session.create', 'held', 'local_package']]);
    await navLink(app.page, 'Overview').click();
    await app.page.getByTestId('pending-count').filter({ hasText: '0 changes waiting to sync' }).waitFor();
    await navLink(app.page, 'My VR sessions').click();
    await card.getByText('Downloading', { exact: true }).waitFor();
    expect(await card.getByText('Enter a score', { exact: true }).count()).toBe(1);

    // Starting again reuses the open session, as the seed's 200 "Existing session returned" says.
    await row.getByRole('button', { name: 'Start' }).click();
    await app.page.getByRole('status').filter({ hasText: 'You already had an open session for “Safety Training VR”' }).waitFor();
    await card.waitFor();
    expect(await app.page.getByRole('article').count()).toBe(1);

    // Out-of-range values are caught inline and nothing is written.
    await card.getByLabel('Score (0–100)').fill('120');
    await card.getByLabel('Notes (optional)').fill('x'.repeat(1001));
    await card.getByText('1001 / 1000 characters').waitFor();
    await card.getByRole('button', { name: 'Mark as completed' }).click();
    await card.getByRole('alert').filter({ hasText: 'The score must be between 0 and 100.' }).waitFor();
    expect(await card.getByRole('alert').allTextContents()).toEqual(['The score must be between 0 and 100.', 'Notes can be at most 1000 characters.']);
    const [stored] = await readStore(app.page, 'vrSessions');
    expect(stored).toMatchObject({ user_id: ALICE, status: 'downloading', completion_mode: 'score_entry', score: null });
    expect((await readStore(app.page, 'outbox')).map((op) => op.kind)).toEqual(['vr_session.create']);

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
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
    await card.getByText('Passed', { exact: true }).waitFor();
    expect(await card.locator('.status').textContent()).toBe('Completed');
    expect(await app.page.getByTestId('signed-in-learner').textContent()).toBe('Signed in as Alice Wong');

    // In Traditional Chinese the same page reads in Taiwan/Hong Kong wording.
    // A learner may switch the language from the top bar (not the kiosk's other settings).
    await app.page.getByRole('banner').getByLabel('Language').selectOption('zh-Hant');
    await app.page.getByRole('heading', { name: '我的 VR 體驗' }).waitFor();
    await card.getByText('通過', { exact: true }).waitFor();
    expect(await card.locator('.status').textContent()).toBe('已完成');
    expect(await card.getByText('85 分（滿分 100）').count()).toBe(1);
    expect(await card.getByText('30 分鐘').count()).toBe(1);
    expect(await card.locator('dd').nth(3).textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await app.page.getByTestId('signed-in-learner').textContent()).toBe('目前登入：Alice Wong');
    expect(app.pageErrors).toEqual([]);
  });
});
