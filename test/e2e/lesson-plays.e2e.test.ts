import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppPerTest } from '../support/e2e-app';
import { importClassList, leaveInstructorMode, navLink, readStore } from '../support/page-helpers';
import { ALICE, TENANT } from '../support/local-api-fixture';

const app = useAppPerTest({ timezoneId: 'Asia/Taipei' });

const YOGA = {
  id: 'lesson789',
  title: { en: 'Pure Yoga', 'zh-Hant': '純瑜伽', 'zh-Hans': '纯瑜伽' },
  workoutCategory: 'ENGAGEMENT',
  sessions: [{ title: { en: 'Warmup', 'zh-Hant': '熱身', 'zh-Hans': '热身' } }, { title: { en: 'Workout', 'zh-Hant': '運動', 'zh-Hans': '运动' } }],
};

/** Stands in for a catalog pull: the lessons table as the pull fills it. */
function putLessons(target: Page, lessons: unknown[]): Promise<void> {
  return target.evaluate(
    (rows) =>
      new Promise<void>((done, reject) => {
        const open = indexedDB.open('outpost');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('lessons', 'readwrite');
          for (const row of rows) tx.objectStore('lessons').put(row);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    lessons,
  );
}

async function startYoga(label = 'Start “Pure Yoga”', heading = 'Pure Yoga') {
  await app.page.getByRole('button', { name: label }).click();
  await app.page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

describe('a learner plays lessons on an offline kiosk', () => {
  it('starts a lesson, records session results with grades, pages through plays and reads them in three languages', async () => {
    await importClassList(app.page, { tenant_id: TENANT, learners: [{ id: ALICE, display_name: 'Alice Wong' }] });
    await putLessons(app.page, [YOGA]);
    await leaveInstructorMode(app.page);
    expect(await app.page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Overview', 'My VR sessions', 'My lessons', 'My courses', 'My exercises']);
    await app.page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await app.page.getByRole('button', { name: 'Alice Wong' }).click();
    await app.page.getByRole('heading', { name: 'My VR sessions' }).waitFor();

    await navLink(app.page, 'My lessons').click();
    await app.page.getByRole('heading', { name: 'My lessons', level: 1 }).waitFor();
    await app.page.getByText('You have not played a lesson yet. Start one below.').waitFor();
    await startYoga();
    await app.page.getByText('No session results yet.').waitFor();

    // Reps without a target are refused inline; then two sessions are recorded.
    const form = app.page.getByRole('region', { name: 'Record a session result' });
    await form.getByLabel('Reps done (optional)').fill('10');
    await form.getByRole('alert').filter({ hasText: 'Enter both reps done and target reps, or neither.' }).waitFor();
    await form.getByLabel('Target reps (optional)').fill('12');
    await form.getByLabel('Grade').selectOption('A');
    await form.getByRole('button', { name: 'Save result' }).click();
    await form.getByRole('status').filter({ hasText: 'Result saved.' }).waitFor();
    await form.getByRole('combobox').first().selectOption({ label: 'Workout' });
    await form.getByLabel('Grade').selectOption('B');
    await form.getByLabel('Reps done (optional)').fill('15');
    await form.getByLabel('Target reps (optional)').fill('18');
    await form.getByRole('button', { name: 'Save result' }).click();
    const sessions = app.page.getByTestId('lesson-play-sessions');
    await sessions.getByRole('row', { name: /Workout/ }).waitFor();
    expect(await sessions.getByRole('row').allTextContents()).toEqual(['SessionGradeEngagementPose similarityReps', 'WarmupA——10 of 12', 'WorkoutB——15 of 18']);
    expect(await app.page.getByTestId('average-grade').textContent()).toBe('A');
    expect(await app.page.getByTestId('total-reps').textContent()).toBe('25 of 30');
    await form.getByRole('button', { name: 'Mark the lesson as completed' }).click();
    await form.getByRole('status').filter({ hasText: 'Lesson completed.' }).waitFor();

    // Ten more plays: the list shows ten a page and pages with the API's cursor.
    await app.page.getByRole('button', { name: 'Back to my lessons' }).click();
    for (let i = 0; i < 10; i += 1) {
      await startYoga();
      await app.page.getByRole('button', { name: 'Back to my lessons' }).click();
    }
    const rows = app.page.getByTestId('lesson-play-row');
    await app.page.getByRole('navigation', { name: 'Pages' }).waitFor();
    await expect.poll(() => rows.count()).toBe(10);
    await app.page.getByRole('button', { name: 'Next page' }).click();
    await app.page.getByText('Page 2').waitFor();
    // The page label and the rows render from the same answer, but not in the same frame: wait for the rows.
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Completed');
    expect(await rows.first().textContent()).toContain('A');
    await app.page.getByRole('button', { name: 'Previous page' }).click();
    await app.page.getByText('Page 1').waitFor();
    await expect.poll(() => rows.count()).toBe(10);

    // In Traditional Chinese: the page follows the UI; an English play keeps its session titles in English.
    await app.page.locator('select[name="ui-language"]').selectOption('zh-Hant');
    await app.page.getByRole('heading', { name: '我的課程', level: 1 }).waitFor();
    await app.page.getByRole('button', { name: '下一頁' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await app.page.getByRole('button', { name: '開啟' }).click();
    await app.page.getByRole('heading', { name: '純瑜伽', level: 1 }).waitFor();
    expect(await app.page.getByTestId('lesson-play-sessions').getByRole('row').nth(1).textContent()).toContain('Warmup');
    await app.page.getByRole('button', { name: '返回我的課程' }).click();
    // A play started in zh-Hant titles its sessions in zh-Hant, in any UI language.
    await startYoga('開始「純瑜伽」', '純瑜伽');
    expect(await app.page.getByRole('region', { name: '記錄環節成績' }).getByRole('combobox').first().locator('option').allTextContents()).toEqual(['熱身', '運動']);
    await app.page.locator('select[name="ui-language"]').selectOption('zh-Hans');
    await app.page.getByRole('heading', { name: '纯瑜伽', level: 1 }).waitFor();
    expect(await app.page.getByRole('region', { name: '记录环节成绩' }).getByRole('combobox').first().locator('option').allTextContents()).toEqual(['熱身', '運動']);

    // Every play and every change is in the outbox, waiting for the remote.
    const outbox = await readStore(app.page, 'outbox');
    expect(outbox.filter((op) => op.kind === 'lesson_play.create')).toHaveLength(12);
    expect(outbox.filter((op) => op.kind === 'lesson_play.results')).toHaveLength(3);
    expect((await readStore(app.page, 'lessonPlays')).every((play) => play.clientId === TENANT && play.userId === ALICE)).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
