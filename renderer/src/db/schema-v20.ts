import type { Transaction } from 'dexie';
import { applyToScormSummary, asScormSummarySession } from '../../../shared/progress/scorm-summary';
import type { ScormSummary } from '../../../shared/progress/scorm-summary';
import { REBUILD } from '../../../shared/progress/summary-rules';
import { SCORM_SESSIONS_TABLE, SCORM_SUMMARIES_TABLE } from './scorm-summaries';
import { SUMMARY_BUILD_PAGE } from './schema-v17';

/**
 * Version 20: one summary per learner and SCORM course (shared/progress/scorm-summary.ts), so the class grid
 * reads a learner's few course summaries instead of every SCORM session (docs/performance.md). Kept by
 * summaryMiddleware in the transaction of every scormSessions write; built here, once, from the sessions
 * a kiosk already holds.
 */
export const SCHEMA_V20 = {
  scormSummaries: '[user_id+package_id]',
} as const;

export type ScormSummaryRow = ScormSummary;

/** Builds every SCORM summary from the sessions, paging through them by id (the upgrade to version 20). */
export async function buildScormSummaries(tx: Transaction): Promise<number> {
  const sessions = tx.table<{ id: string }, string>(SCORM_SESSIONS_TABLE);
  const summaries = new Map<string, ScormSummary>();
  let last: string | undefined;
  for (;;) {
    const page = await (last === undefined ? sessions.orderBy(':id') : sessions.where(':id').above(last)).limit(SUMMARY_BUILD_PAGE).toArray();
    for (const row of page) {
      const session = asScormSummarySession(row);
      if (session === undefined) continue;
      const key = JSON.stringify([session.user_id, session.package_id]);
      const next = applyToScormSummary(summaries.get(key), [], [session]);
      // Adding never asks for a rebuild; a summary is never emptied by adding.
      if (next === REBUILD || next === null) throw new Error('a SCORM summary could not take a session in');
      summaries.set(key, next);
    }
    if (page.length < SUMMARY_BUILD_PAGE) break;
    last = page.at(-1)!.id;
  }
  await tx.table<ScormSummary, [string, string]>(SCORM_SUMMARIES_TABLE).bulkPut([...summaries.values()]);
  return summaries.size;
}
