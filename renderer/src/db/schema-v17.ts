import type { VrSummary } from '../../../shared/progress/vr-summary';

/**
 * Version 17: one summary per learner and VR package (shared/progress/vr-summary.ts), so the class grid
 * reads 30 learners x 20 packages summaries instead of a class's 100,000 sessions (docs/performance.md).
 * Kept by summaryMiddleware (VR_SUMMARY_SPEC) in the transaction of every vrSessions write; built once, by
 * buildSummaries with VR_SUMMARY_SPEC (outpost-db.ts), from the sessions a kiosk already holds.
 */
export const SCHEMA_V17 = {
  vrSummaries: '[user_id+package_id]',
} as const;

export type VrSummaryRow = VrSummary;
