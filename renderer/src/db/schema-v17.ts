import type { Transaction } from 'dexie';
import { applyToSummary, REBUILD } from '../../../shared/progress/vr-summary';
import type { VrSummary, VrSummarySession } from '../../../shared/progress/vr-summary';
import { VR_SESSIONS_TABLE, VR_SUMMARIES_TABLE } from './vr-summaries';

/**
 * Version 17: one summary per learner and VR package (shared/progress/vr-summary.ts), so the class grid
 * reads 30 learners x 20 packages summaries instead of a class's 100,000 sessions (docs/performance.md).
 * Kept by summaryMiddleware (VR_SUMMARY_SPEC) in the transaction of every vrSessions write; built here, once, from the
 * sessions a kiosk already holds.
 */
export const SCHEMA_V17 = {
  vrSummaries: '[user_id+package_id]',
} as const;

export type VrSummaryRow = VrSummary;

/** Sessions read per step while building: the upgrade holds one page of rows at a time, not the table. */
export const SUMMARY_BUILD_PAGE = 2000;

/** Builds every summary from the sessions, paging through them by id (the upgrade to version 17). */
export async function buildVrSummaries(tx: Transaction): Promise<number> {
  const sessions = tx.table<VrSummarySession, string>(VR_SESSIONS_TABLE);
  const summaries = new Map<string, VrSummary>();
  let last: string | undefined;
  for (;;) {
    const page = await (last === undefined ? sessions.orderBy(':id') : sessions.where(':id').above(last)).limit(SUMMARY_BUILD_PAGE).toArray();
    for (const row of page) {
      if (typeof row.user_id !== 'string' || typeof row.package_id !== 'string' || typeof row.created_at !== 'string') continue;
      const key = JSON.stringify([row.user_id, row.package_id]);
      const next = applyToSummary(summaries.get(key), [], [row]);
      // Adding never asks for a rebuild; a summary is never emptied by adding.
      if (next === REBUILD || next === null) throw new Error('a VR summary could not take a session in');
      summaries.set(key, next);
    }
    if (page.length < SUMMARY_BUILD_PAGE) break;
    last = page.at(-1)!.id;
  }
  await tx.table<VrSummary, [string, string]>(VR_SUMMARIES_TABLE).bulkPut([...summaries.values()]);
  return summaries.size;
}
