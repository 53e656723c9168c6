import { applyToScormSummary, asScormSummarySession, summarizeScormSessions } from '../../../shared/progress/scorm-summary';
import type { ScormSummarySession } from '../../../shared/progress/scorm-summary';
import { equalRange, summarySpec } from './summaries';

export const SCORM_SESSIONS_TABLE = 'scormSessions';
export const SCORM_SUMMARIES_TABLE = 'scormSummaries';

/**
 * `scormSummaries` (one row per learner and SCORM course, shared/progress/scorm-summary.ts) kept in step
 * with `scormSessions` by summaryMiddleware (summaries.ts), in the transaction of every session write. A
 * summary whose latest session or smallest id went is made again from the pair's sessions, read through
 * [package_id+user_id] (the summary's own key is [user_id+package_id], so a learner's summaries are one range).
 */
export const SCORM_SUMMARY_SPEC = summarySpec({
  source: SCORM_SESSIONS_TABLE,
  summary: SCORM_SUMMARIES_TABLE,
  label: 'SCORM summaries',
  asRow: asScormSummarySession,
  keyOf: (s: ScormSummarySession) => [s.user_id, s.package_id],
  rowsOf: (key) => ({ index: ['package_id', 'user_id'], range: equalRange([key[1], key[0]]) }),
  apply: applyToScormSummary,
  summarize: summarizeScormSessions,
});
