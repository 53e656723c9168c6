import type { Frame, FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEQUENCING_STATE_KEY } from '../../shared/scorm/sequencing-state';
import { useAppPerTest } from '../support/e2e-app';
import { navLink } from '../support/page-helpers';
import { flowOnlyQuizZip, practiceTestZip } from '../support/scorm-sequencing-packages';
import { exitCourse, openCourse, prepareLearner, sessions } from './scorm-helpers';

const app = useAppPerTest();

const button = (page: Page, name: string) => page.getByTestId('scorm-player').getByRole('button', { name, exact: true });
const contents = (page: Page) => page.getByTestId('scorm-contents');

/** Waits for the probe SCO named `name` to have called Initialize (a new sitting of it). */
async function onItem(sco: FrameLocator, name: string): Promise<void> {
  await sco.locator('#name', { hasText: new RegExp(`^${name}$`) }).waitFor();
  await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
}

async function answer(sco: FrameLocator, status: 'passed' | 'failed', score: number): Promise<void> {
  await sco.locator('#status').fill(status);
  await sco.locator('#score').fill(String(score));
  await sco.locator('#answer').click();
  await sco.locator('#ready', { hasText: 'answered' }).waitFor();
}

async function session(page: Page): Promise<Record<string, unknown>> {
  return (await sessions(page))[0] ?? {};
}

/** The shell frame (course origin, /player/), where the run-time the SCO talks to lives. */
function shellFrame(page: Page): Frame {
  const shell = page.frames().find((f) => f.url().includes('/player/'));
  if (!shell) throw new Error('player shell missing');
  return shell;
}

describe('SCORM 2004 sequencing, played in Chromium (scorm-again\'s engine behind the player)', () => {
  it('flow-only quiz: no choice, forward only, a failed quiz retried with a fresh attempt up to its limit, the course\'s own rollup decides its status', async () => {
    const page = app.page;
    await prepareLearner(page, [['flow-only.zip', await flowOnlyQuizZip()]]);
    const sco = await openCourse(page, 'Flow-only quiz');
    await onItem(sco, 'intro');
    // choice="false": the contents list the items, none can be pressed. Nothing is behind: no Previous.
    const entries = contents(page).getByRole('button');
    expect(await entries.allTextContents()).toEqual(['Introduction', 'Quiz', 'Summary']);
    for (const entry of await entries.all()) expect(await entry.isDisabled()).toBe(true);
    expect(await button(page, 'Previous').isDisabled()).toBe(true);
    // The SCO reads the same from its run-time (adl.nav.request_valid), as the app's sequencing said at delivery.
    const scoFrame = shellFrame(page).childFrames()[0];
    const navValid = await scoFrame?.evaluate(() => {
      const api = (window.parent as unknown as { API_1484_11: { GetValue: (element: string) => string } }).API_1484_11;
      return ['continue', 'previous', 'choice.{target=quiz}'].map((element) => api.GetValue(`adl.nav.request_valid.${element}`));
    });
    expect(navValid).toEqual(['true', 'false', 'false']);

    // The introduction passes: "satisfied when any item is" makes the course passed at once.
    await answer(sco, 'passed', 90);
    await button(page, 'Next').click();
    await onItem(sco, 'quiz');
    await expect.poll(async () => (await session(page)).success_status).toBe('passed');
    // forwardOnly: the introduction is behind, still no Previous.
    expect(await button(page, 'Previous').isDisabled()).toBe(true);

    // Failed: the post-condition retries the quiz, a new attempt with a fresh data model.
    await answer(sco, 'failed', 30);
    await sco.locator('#finish').click();
    await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
    await onItem(sco, 'quiz');
    expect(await sco.locator('#entry').textContent()).toBe('ab-initio');
    expect(await sco.locator('#location').textContent()).toBe('');

    // Failed again: a third attempt is over the limit of two, so the course moves on to the summary.
    await answer(sco, 'failed', 40);
    await sco.locator('#finish').click();
    await onItem(sco, 'outro');
    // Two of three items completed: completed by the course's rule, though the summary is not done; the failed quiz does not fail it.
    await expect.poll(async () => session(page)).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
    expect(((await session(page)).cmi_data as Record<string, string>)[SEQUENCING_STATE_KEY]).toContain('"quiz":{');
    await exitCourse(page);
    await page.getByText('Completed · Passed').waitFor();

    // The next sitting resumes the summary (suspended at Exit), with the rules still in force.
    await navLink(page, 'My courses').click();
    const again = await openCourse(page, 'Flow-only quiz');
    await onItem(again, 'outro');
    expect(await button(page, 'Previous').isDisabled()).toBe(true);
    await exitCourse(page);
  });

  it('practice and test: attempt limit and a global objective shape the contents, exitParent leaves a module, all of it kept across sittings', async () => {
    const page = app.page;
    await prepareLearner(page, [['practice.zip', await practiceTestZip()]]);
    let sco = await openCourse(page, 'Practice and test');
    await onItem(sco, 'practice');
    const entry = (name: string) => contents(page).getByRole('button', { name, exact: true });
    expect(await contents(page).getByRole('button').allTextContents()).toEqual(['Practice', 'Test', 'Review part 1', 'Review part 2', 'Bonus']);
    // The bonus reads a global objective nobody has written: hidden from choice.
    expect(await entry('Bonus').isDisabled()).toBe(true);
    expect(await entry('Test').isDisabled()).toBe(false);
    expect(await button(page, 'Previous').isDisabled()).toBe(true);

    await entry('Test').click();
    await onItem(sco, 'test');
    await answer(sco, 'passed', 95);
    // The test ends itself: finished items move on in flow, into the review module.
    await sco.locator('#finish').click();
    await onItem(sco, 'review1');
    // Taken once (attemptLimit 1): no longer offered. Passed: it wrote the global objective, the bonus opens.
    await expect.poll(() => entry('Test').isDisabled()).toBe(true);
    expect(await entry('Bonus').isDisabled()).toBe(false);

    // Review part 1 exits its module (post-condition exitParent): Next skips part 2.
    await button(page, 'Next').click();
    await onItem(sco, 'bonus');
    // The global objective reached the bonus SCO's data model (a read map seeds cmi.objectives at launch).
    const objectives = await shellFrame(page).evaluate(() => {
      const api = (window as unknown as { API_1484_11: { GetValue: (e: string) => string } }).API_1484_11;
      const count = Number(api.GetValue('cmi.objectives._count'));
      return Object.fromEntries(Array.from({ length: count }, (_, i) => [api.GetValue(`cmi.objectives.${i}.id`), api.GetValue(`cmi.objectives.${i}.success_status`)]));
    });
    expect(objectives).toMatchObject({ mastery: 'passed' });
    await exitCourse(page);

    // A new sitting: resumed on the bonus; the test's attempt count and the global objective were kept with the session.
    await navLink(page, 'My courses').click();
    sco = await openCourse(page, 'Practice and test');
    await onItem(sco, 'bonus');
    expect(await entry('Test').isDisabled()).toBe(true);
    expect(await entry('Bonus').isDisabled()).toBe(false);
    await entry('Review part 2').click();
    await onItem(sco, 'review2');
    await exitCourse(page);
  });
});
