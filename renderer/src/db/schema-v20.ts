import type { ScormSummary } from '../../../shared/progress/scorm-summary';

/**
 * Version 20: one summary per learner and SCORM course (shared/progress/scorm-summary.ts), so the class grid
 * reads a learner's few course summaries instead of every SCORM session (docs/performance.md). Kept by
 * summaryMiddleware in the transaction of every scormSessions write; built once, by buildSummaries with
 * SCORM_SUMMARY_SPEC (outpost-db.ts), from the sessions a kiosk already holds.
 */
export const SCHEMA_V20 = {
  scormSummaries: '[user_id+package_id]',
} as const;

export type ScormSummaryRow = ScormSummary;
