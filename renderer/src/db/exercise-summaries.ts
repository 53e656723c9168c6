import { applyToExerciseSummary, asExerciseSummaryTry, summarizeExerciseTries } from '../../../shared/progress/exercise-summary';
import type { ExerciseSummaryTry } from '../../../shared/progress/exercise-summary';
import { equalRange, summarySpec } from './summaries';

export const MASTERY_LOGS_TABLE = 'masteryLogs';
export const EXERCISE_SUMMARIES_TABLE = 'exerciseSummaries';

/**
 * `exerciseSummaries` (one row per learner and exercise or quiz, shared/progress/exercise-summary.ts) kept
 * in step with `masteryLogs` (one row per try) by summaryMiddleware (summaries.ts), in the transaction of
 * every try write. A summary whose latest try went is made again from the pair's tries, read through
 * [user+content_id] (schema v1), the same key as the summary's own.
 */
export const EXERCISE_SUMMARY_SPEC = summarySpec({
  source: MASTERY_LOGS_TABLE,
  summary: EXERCISE_SUMMARIES_TABLE,
  label: 'exercise summaries',
  asRow: asExerciseSummaryTry,
  keyOf: (t: ExerciseSummaryTry) => [t.user, t.content_id],
  rowsOf: (key) => ({ index: ['user', 'content_id'], range: equalRange(key) }),
  apply: applyToExerciseSummary,
  summarize: summarizeExerciseTries,
});
