import type { ExerciseSummary } from '../../../shared/progress/exercise-summary';

/**
 * Version 22: one summary per learner and exercise or quiz (shared/progress/exercise-summary.ts), so the
 * class grid reads a learner's few exercise summaries instead of every try (docs/performance.md). Kept by
 * summaryMiddleware in the transaction of every masteryLogs write; built once, by buildSummaries with
 * EXERCISE_SUMMARY_SPEC (outpost-db.ts), from the tries a kiosk already holds.
 */
export const SCHEMA_V22 = {
  exerciseSummaries: '[user+content_id]',
} as const;

export type ExerciseSummaryRow = ExerciseSummary;
