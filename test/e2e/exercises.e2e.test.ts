import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppPerTest } from '../support/e2e-app';
import { ALICE, TENANT } from '../support/local-api-fixture';
import { importClassList, leaveInstructorMode, navLink, readStore } from '../support/page-helpers';

const app = useAppPerTest();

async function signInAsAlice(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Alice Wong' }).click();
  await page.getByTestId('signed-in-learner').waitFor();
  await navLink(page, 'My exercises').click();
  await page.getByRole('heading', { name: 'My exercises', level: 1 }).waitFor();
}

/** Chooses a radio answer in the open question and checks it; waits for the verdict. */
async function answer(page: Page, choice: string, verdict: 'Correct!' | 'Not quite. Try again, or take a hint.'): Promise<void> {
  const question = page.getByRole('form', { name: 'Question' });
  await question.getByLabel(choice, { exact: true }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await question.getByTestId('answer-feedback').filter({ hasText: verdict }).waitFor();
}

const progress = (page: Page) => page.getByTestId('mastery-progress');

describe('exercises on an offline kiosk', () => {
  it('a learner masters an exercise (3 of the last 5), leaves, and finds her progress and past tries again', async () => {
    const { page } = app;
    // The player renders under the app's CSP (no inline styles, no eval): Chromium reports any violation.
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await importClassList(page, { tenant_id: TENANT, learners: [{ id: ALICE, display_name: 'Alice Wong' }] });
    await leaveInstructorMode(page);
    await signInAsAlice(page);
    const list = page.getByTestId('exercise-list');
    await list.getByRole('row', { name: /Fractions: choose the answer.*Not started/ }).waitFor();
    await page.getByRole('button', { name: 'Open “Fractions: choose the answer”' }).click();
    await page.getByText('Goal: 3 correct out of the last 5 answers.').waitFor();
    expect(await progress(page).textContent()).toBe('0 of 5 correct — 3 more to master');

    await answer(page, '3/4', 'Correct!');
    expect(await progress(page).textContent()).toBe('1 of 5 correct — 2 more to master');
    await page.getByRole('button', { name: 'Next question' }).click();

    // A hint before answering: the right answer then counts as not correct, as in Kolibri.
    await page.getByRole('button', { name: 'Show a hint (0 of 1 shown)' }).click();
    await page.getByText('Multiply the top and the bottom of 1/2 by the same number.').waitFor();
    await answer(page, '2/4', 'Correct!');
    expect(await progress(page).textContent()).toBe('1 of 5 correct — 2 more to master');
    await page.getByRole('button', { name: 'Next question' }).click();

    // Wrong first: the retry completes the question but its first answer is what counts.
    await answer(page, '1/2', 'Not quite. Try again, or take a hint.');
    await answer(page, '1/8', 'Correct!');
    await page.getByRole('button', { name: 'Next question' }).click();
    await answer(page, '1/2', 'Correct!');
    expect(await progress(page).textContent()).toBe('2 of 5 correct — 1 more to master');
    expect(await page.getByTestId('recent-answers').getByRole('listitem').allTextContents()).toEqual(['Correct', 'Not correct', 'Hint used', 'Correct']);

    // She signs out before the last question and comes back later.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await signInAsAlice(page);
    await list.getByRole('row', { name: /Fractions: choose the answer.*In progress/ }).waitFor();
    await page.getByRole('button', { name: 'Open “Fractions: choose the answer”' }).click();
    await progress(page).filter({ hasText: '2 of 5 correct — 1 more to master' }).waitFor();
    expect(await page.getByTestId('recent-answers').getByRole('listitem').allTextContents()).toEqual(['Correct', 'Not correct', 'Hint used', 'Correct']);
    await page.getByTestId('past-tries').getByText(/2 correct, In progress/).waitFor();

    // The engine's next question (4 attempts so far → the fifth) masters it.
    await answer(page, '3/4', 'Correct!');
    await progress(page).filter({ hasText: '3 of 5 correct — mastered' }).waitFor();
    await page.getByText('You mastered this exercise. You can keep practising.').waitFor();
    await page.getByTestId('past-tries').getByText(/3 correct, Mastered/).waitFor();

    // What the kiosk stored, read straight from IndexedDB, waiting in the outbox for the API.
    const attempts = await readStore(page, 'attemptLogs');
    expect(attempts.map((a) => [a.item, a.correct, a.hinted]).sort()).toEqual([
      ['fractions-add', 1, false],
      ['fractions-half', 0, true],
      ['fractions-largest', 1, false],
      ['fractions-smallest', 0, false],
      ['fractions-three-quarters', 1, false],
    ]);
    expect((await readStore(page, 'masteryLogs')).map((m) => [m.complete, m.correct, m.user])).toEqual([[true, 3, ALICE]]);
    const outbox = (await readStore(page, 'outbox')).map((row) => row.kind);
    expect(outbox.filter((kind) => kind === 'content_session.start')).toHaveLength(2);
    expect(outbox.filter((kind) => kind === 'content_session.update').length).toBeGreaterThanOrEqual(7);

    // The same question and progress in Traditional Chinese (the item's own translation).
    await page.locator('select[name="ui-language"]').selectOption('zh-Hant');
    await progress(page).filter({ hasText: '答對 3 / 5 題 — 已掌握' }).waitFor();
    await page.getByRole('heading', { name: '分數：選擇答案', level: 1 }).waitFor();
    await page.locator('select[name="ui-language"]').selectOption('en');

    await page.getByRole('button', { name: 'Back to my exercises' }).click();
    await list.getByRole('row', { name: /Fractions: choose the answer.*Mastered/ }).waitFor();
    expect(violations).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('a coach quiz completes only when submitted, and refuses further answers afterwards, in words', async () => {
    const { page } = app;
    await importClassList(page, { tenant_id: TENANT, learners: [{ id: ALICE, display_name: 'Alice Wong' }] });
    await leaveInstructorMode(page);
    await signInAsAlice(page);
    await page.getByRole('button', { name: 'Open “Quick check (quiz)”' }).click();
    const first = page.getByRole('form', { name: 'Question 1' });
    await first.getByLabel('1/2', { exact: true }).check();
    await first.getByRole('button', { name: 'Save answer' }).click();
    await first.getByRole('status').filter({ hasText: 'Answer saved.' }).waitFor();
    // Changing an answer before submitting replaces it.
    await first.getByLabel('3/4', { exact: true }).check();
    await first.getByRole('button', { name: 'Save answer' }).click();
    await first.getByRole('status').filter({ hasText: 'Answer saved.' }).waitFor();
    // Leaving and reopening an unsubmitted quiz shows the saved answer again.
    await page.getByRole('button', { name: 'Back to my exercises' }).click();
    await page.getByRole('button', { name: 'Open “Quick check (quiz)”' }).click();
    await page.getByTestId('quiz-answered').filter({ hasText: '1 of 3 answered' }).waitFor();
    expect(await first.getByLabel('3/4', { exact: true }).isChecked()).toBe(true);
    const second = page.getByRole('form', { name: 'Question 2' });
    await second.getByLabel('Your answer').fill('seven');
    await second.getByRole('button', { name: 'Save answer' }).click();
    await second.getByRole('status').filter({ hasText: 'That answer could not be read.' }).waitFor();
    await second.getByLabel('Your answer').fill('12');
    await second.getByRole('button', { name: 'Save answer' }).click();
    await second.getByRole('status').filter({ hasText: 'Answer saved.' }).waitFor();
    expect(await page.getByTestId('quiz-answered').textContent()).toBe('2 of 3 answered');
    expect((await readStore(page, 'masteryLogs')).map((m) => m.complete)).toEqual([false]);

    await page.getByRole('button', { name: 'Submit quiz' }).click();
    await page.getByText('Quiz submitted: 2 of 3 correct.').waitFor();
    expect(await second.getByRole('button', { name: 'Save answer' }).isDisabled()).toBe(true);
    expect((await readStore(page, 'masteryLogs')).map((m) => [m.complete, (m.mastery_level as number) < 0])).toEqual([[true, true]]);
    expect((await readStore(page, 'attemptLogs')).map((a) => [a.item, a.correct]).sort()).toEqual([
      ['quiz-add', 1],
      ['quiz-largest', 1],
    ]);

    await page.getByRole('button', { name: 'Back to my exercises' }).click();
    await page.getByTestId('exercise-list').getByRole('row', { name: /Quick check \(quiz\).*Submitted/ }).waitFor();
    await page.getByRole('button', { name: 'Open “Quick check (quiz)”' }).click();
    await page.getByRole('alert').filter({ hasText: 'This quiz was submitted, so it can no longer be changed.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save answer' }).count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
