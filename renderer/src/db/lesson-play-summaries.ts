import { applyToLessonSummary, asLessonSummaryPlay, summarizeLessonPlays } from '../../../shared/progress/lesson-summary';
import type { LessonSummaryPlay } from '../../../shared/progress/lesson-summary';
import { lessonPlayIndexName } from './schema-v9';
import { prefixRange, summarySpec } from './summaries';

export const LESSON_PLAYS_TABLE = 'lessonPlays';
export const LESSON_PLAY_SUMMARIES_TABLE = 'lessonPlaySummaries';

/** The lesson plays index a summary's plays are read again through: client, learner, lesson, then createdAt and id. */
const PLAYS_BY_LESSON = lessonPlayIndexName(['clientId', 'userId', 'lessonId'], 'createdAt').slice(1, -1).split('+');

/**
 * `lessonPlaySummaries` (one row per client, learner and lesson, shared/progress/lesson-summary.ts) kept
 * in step with `lessonPlays` by summaryMiddleware (summaries.ts), in the transaction of every play write.
 * A summary whose latest or oldest play went is made again from its plays, read through
 * [clientId+userId+lessonId+createdAt+id].
 */
export const LESSON_PLAY_SUMMARY_SPEC = summarySpec({
  source: LESSON_PLAYS_TABLE,
  summary: LESSON_PLAY_SUMMARIES_TABLE,
  label: 'lesson play summaries',
  asRow: asLessonSummaryPlay,
  keyOf: (p: LessonSummaryPlay) => [p.clientId, p.userId, p.lessonId],
  rowsOf: (key) => ({ index: PLAYS_BY_LESSON, range: prefixRange(key) }),
  apply: applyToLessonSummary,
  summarize: summarizeLessonPlays,
});
