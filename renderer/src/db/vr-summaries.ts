import { applyToSummary, summarize } from '../../../shared/progress/vr-summary';
import type { VrSummarySession } from '../../../shared/progress/vr-summary';
import { equalRange, summarySpec } from './summaries';

export const VR_SESSIONS_TABLE = 'vrSessions';
export const VR_SUMMARIES_TABLE = 'vrSummaries';

/** A session row as far as the summary goes; rows without a learner and package id (no such row is written) are left out. */
function asSession(row: unknown): VrSummarySession | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Partial<VrSummarySession>;
  return typeof r.user_id === 'string' && typeof r.package_id === 'string' && typeof r.id === 'string' && typeof r.created_at === 'string' ? (row as VrSummarySession) : undefined;
}

/**
 * `vrSummaries` (one row per learner and VR package, shared/progress/vr-summary.ts) kept in step with
 * `vrSessions` by summaryMiddleware (summaries.ts): every add, put, update, modify, delete or clear of VR
 * sessions also writes the summaries it changes, in the same IndexedDB transaction. A summary whose newest
 * session went is made again from the pair's sessions, read through [user_id+package_id].
 */
export const VR_SUMMARY_SPEC = summarySpec({
  source: VR_SESSIONS_TABLE,
  summary: VR_SUMMARIES_TABLE,
  label: 'VR summaries',
  asRow: asSession,
  keyOf: (s: VrSummarySession) => [s.user_id, s.package_id],
  rowsOf: (key) => ({ index: ['user_id', 'package_id'], range: equalRange(key) }),
  apply: applyToSummary,
  summarize,
});
