import type { LessonPlaySummary } from '../../../shared/progress/lesson-summary';

/**
 * Version 19: one summary per client, learner and lesson (shared/progress/lesson-summary.ts), so the class
 * grid reads a learner's few lesson summaries instead of a class's 100,000 lesson plays
 * (docs/performance.md). Kept by summaryMiddleware in the transaction of every lessonPlays write; built
 * once, by buildSummaries with LESSON_PLAY_SUMMARY_SPEC (outpost-db.ts), from the plays a kiosk already holds.
 */
export const SCHEMA_V19 = {
  lessonPlaySummaries: '[clientId+userId+lessonId]',
} as const;

export type LessonPlaySummaryRow = LessonPlaySummary;
