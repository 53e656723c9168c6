import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppPerTest } from '../support/e2e-app';
import { navLink } from '../support/page-helpers';
import { exitCourse, fixtureZip, openCourse, prepareLearner, sessions } from './scorm-helpers';

const app = useAppPerTest();

type Api = { isInitialized(): boolean; LMSGetValue?: (e: string) => string; GetValue?: (e: string) => string };

/** The shell frame (course origin, /player/) and the frame the course runs in (/content/). */
async function frames(page: Page): Promise<{ shell: Frame; course: Frame }> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/content/')), { timeout: 20_000 }).toBe(true);
  const shell = page.frames().find((f) => f.url().includes('/player/'));
  const course = page.frames().find((f) => f.url().includes('/content/'));
  if (!shell || !course) throw new Error('player frames missing');
  return { shell, course };
}

/** Waits until the course has called Initialize, then reads elements the way the course would. */
async function initialized(shell: Frame): Promise<void> {
  await expect.poll(() => shell.evaluate(() => ((window as unknown as { API?: Api; API_1484_11?: Api }).API ?? (window as unknown as { API_1484_11?: Api }).API_1484_11)?.isInitialized() ?? false), { timeout: 20_000 }).toBe(true);
}

function read(shell: Frame, elements: string[]): Promise<Record<string, string>> {
  return shell.evaluate((names) => {
    const w = window as unknown as { API?: Api; API_1484_11?: Api };
    return Object.fromEntries(names.map((n) => [n, w.API?.LMSGetValue?.(n) ?? w.API_1484_11?.GetValue?.(n) ?? '']));
  }, elements);
}

/**
 * quiz: the course calls the run-time and scores a quiz (RecordTest); multi: several items, so the session
 * rolls up and the item's own keys carry the course's report; silent: a SCO that never calls the run-time.
 */
const SAMPLES = [
  { file: 'RuntimeBasicCalls_SCORM12.zip', title: 'Golf Explained - Run-time Basic Calls', v12: true, quiz: true, multi: false },
  { file: 'ContentPackagingSingleSCO_SCORM12.zip', title: 'Golf Explained - CP Single SCO', v12: true, quiz: false, multi: false },
  { file: 'RuntimeBasicCalls_SCORM20043rdEdition.zip', title: 'Golf Explained - Run-time Basic Calls', v12: false, quiz: true, multi: false },
  { file: 'SequencingSimpleRemediation_SCORM20043rdEdition.zip', title: 'Golf Explained - Simple Remediation', v12: false, quiz: true, multi: true },
  { file: 'ContentPackagingOneFilePerSCO_SCORM20043rdEdition.zip', title: 'Golf Explained - CP One File Per SCO', v12: false, quiz: false, multi: true },
] as const;

describe('the five real sample courses, played in Chromium', () => {
  for (const sample of SAMPLES) {
    it(`${sample.file}: launch, answer, commit on exit, relaunch resumes, the session reports what the course did`, async () => {
      const page = app.page;
      // The golf courses ask "resume?" and "save progress?": the learner says yes.
      page.on('dialog', (dialog) => void dialog.accept());
      await prepareLearner(page, [[sample.file, await fixtureZip(sample.file)]]);
      const title = (await page.getByTestId('my-courses').getByRole('heading').first().textContent()) ?? '';
      expect(title).toContain(sample.title.split(' - ')[0]);
      await openCourse(page, title);
      const opened = await frames(page);
      let shell = opened.shell;
      const course = opened.course;
      if (sample.quiz) {
        await initialized(shell);
        // The learner moves on one page, then submits the quiz with 85 %: the course's own scoring.
        await course.evaluate(() => {
          const w = window as unknown as { doNext?: () => void; RecordTest?: (s: number) => void };
          w.doNext?.();
          w.RecordTest?.(85);
        });
      } else {
        await page.getByRole('button', { name: 'Next', exact: true }).click();
        await expect.poll(() => page.frames().filter((f) => f.url().includes('/content/')).length).toBeGreaterThan(0);
      }
      const reported = sample.v12
        ? await read(shell, ['cmi.core.lesson_status', 'cmi.core.score.raw', 'cmi.core.lesson_location'])
        : await read(shell, ['cmi.success_status', 'cmi.score.scaled', 'cmi.location']);
      await exitCourse(page);

      const [session] = await sessions(page);
      const cmi = session?.cmi_data as Record<string, string>;
      if (sample.quiz && sample.multi) {
        // The item's own report, kept under its identifier; the course as a whole is still in progress.
        expect(reported).toMatchObject({ 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.85' });
        expect(cmi).toMatchObject({ 'sco:playing_item:cmi.success_status': 'passed', 'sco:playing_item:cmi.score.scaled': '0.85', 'outpost.current_item': 'playing_item' });
        expect(session?.completion_status).toBe('incomplete');
      } else if (sample.quiz && sample.v12) {
        expect(reported['cmi.core.lesson_status']).toBe('passed');
        expect(session).toMatchObject({ completion_status: 'completed', success_status: 'passed', score: { raw: 85, scaled: 0.85 } });
        expect(cmi['cmi.core.lesson_location']).toBe(reported['cmi.core.lesson_location']);
      } else if (sample.quiz) {
        expect(reported).toMatchObject({ 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.85' });
        expect(session).toMatchObject({ success_status: 'passed', score: { scaled: 0.85 } });
      } else if (sample.multi) {
        // Assets are completed by opening them: the first two of the course's items are.
        expect(Object.keys(cmi).filter((k) => k.endsWith(':cmi.completion_status'))).toHaveLength(2);
      } else {
        // A SCO that never calls the run-time reports nothing, so nothing is invented for it.
        expect(session).toMatchObject({ completion_status: 'not attempted', version: 1 });
      }

      // Relaunch: the same session, resumed (entry=resume where the course suspended, or the item it was on).
      await navLink(page, 'My courses').click();
      await openCourse(page, title);
      shell = (await frames(page)).shell;
      if (sample.quiz && !sample.multi) {
        await initialized(shell);
        const entry = await read(shell, [sample.v12 ? 'cmi.core.entry' : 'cmi.entry']);
        expect(Object.values(entry)[0]).toBe('resume');
      }
      await exitCourse(page);
      expect((await sessions(page)).map((s) => s.id)).toEqual([session?.id]);
    });
  }
});
