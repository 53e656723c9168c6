import type { Transaction } from 'dexie';
import { applyToLessonSummary, asLessonSummaryPlay } from '../../../shared/progress/lesson-summary';
import type { LessonPlaySummary } from '../../../shared/progress/lesson-summary';
import { REBUILD } from '../../../shared/progress/summary-rules';
import { LESSON_PLAY_SUMMARIES_TABLE, LESSON_PLAYS_TABLE } from './lesson-play-summaries';
import { SUMMARY_BUILD_PAGE } from './schema-v17';

/**
 * Version 19: one summary per client, learner and lesson (shared/progress/lesson-summary.ts), so the class
 * grid reads a learner's few lesson summaries instead of a class's 100,000 lesson plays
 * (docs/performance.md). Kept by summaryMiddleware in the transaction of every lessonPlays write; built
 * here, once, from the plays a kiosk already holds.
 */
export const SCHEMA_V19 = {
  lessonPlaySummaries: '[clientId+userId+lessonId]',
} as const;

export type LessonPlaySummaryRow = LessonPlaySummary;

/** Builds every lesson summary from the plays, paging through them by id (the upgrade to version 19). */
export async function buildLessonPlaySummaries(tx: Transaction): Promise<number> {
  const plays = tx.table<{ id: string }, string>(LESSON_PLAYS_TABLE);
  const summaries = new Map<string, LessonPlaySummary>();
  let last: string | undefined;
  for (;;) {
    const page = await (last === undefined ? plays.orderBy(':id') : plays.where(':id').above(last)).limit(SUMMARY_BUILD_PAGE).toArray();
    for (const row of page) {
      const play = asLessonSummaryPlay(row);
      if (play === undefined) continue;
      const key = JSON.stringify([play.clientId, play.userId, play.lessonId]);
      const next = applyToLessonSummary(summaries.get(key), [], [play]);
      // Adding never asks for a rebuild; a summary is never emptied by adding.
      if (next === REBUILD || next === null) throw new Error('a lesson play summary could not take a play in');
      summaries.set(key, next);
    }
    if (page.length < SUMMARY_BUILD_PAGE) break;
    last = page.at(-1)!.id;
  }
  await tx.table<LessonPlaySummary, [string, string, string]>(LESSON_PLAY_SUMMARIES_TABLE).bulkPut([...summaries.values()]);
  return summaries.size;
}
