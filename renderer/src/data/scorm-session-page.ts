import { Dexie } from 'dexie';
import type { OutpostDb } from '../db/outpost-db';
import type { ScormSessionLocalRow } from '../db/schema-v7';
import { scormSessionTable } from './scorm-session-table';

/** The largest page `GET /api/v1/sessions?limit=` answers (Outpost's extension, docs/api/scorm.md). */
export const SCORM_SESSION_PAGE_MAX = 500;

/** Where a page ends: the last session's change time and id. The next page starts strictly after it. */
export interface ScormSessionKey {
  readonly updated_at: string;
  readonly id: string;
}

export interface ScormSessionPage {
  readonly items: readonly ScormSessionLocalRow[];
  /** The last item's key when more follow, else null. */
  readonly next: ScormSessionKey | null;
}

export interface ScormPageFilter {
  readonly packageId?: string | undefined;
  readonly userId?: string | undefined;
  /** Only sessions of these tenants (the learner's own, or every tenant on the roster for the instructor). */
  readonly tenantIds: ReadonlySet<string>;
}

/** Page order: newest change first, equal times by id, larger first (the [user_id+updated_at] index read backwards). */
export function newerChangeFirst(a: ScormSessionKey, b: ScormSessionKey): number {
  if (a.updated_at !== b.updated_at) return a.updated_at < b.updated_at ? 1 : -1;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

/**
 * One page of SCORM sessions: at most `limit` (clamped to 1..SCORM_SESSION_PAGE_MAX), strictly after
 * `start` when given. A learner's list without a package filter is a keyset read of [user_id+updated_at]
 * backwards from the cursor's time: its cost follows the page. With a package filter, or for the
 * instructor's list of everyone, the matching rows are read by their index (as the unpaged list reads
 * them), sorted and cut: the answer is bounded, the read is not.
 */
export async function scormSessionPage(db: OutpostDb, filter: ScormPageFilter, limit: number, start: ScormSessionKey | null): Promise<ScormSessionPage> {
  const size = Number.isFinite(limit) ? Math.min(SCORM_SESSION_PAGE_MAX, Math.max(1, Math.floor(limit))) : SCORM_SESSION_PAGE_MAX;
  const table = scormSessionTable(db);
  const wanted = (row: ScormSessionLocalRow) => filter.tenantIds.has(row.tenant_id) && (!start || newerChangeFirst(row, start) > 0);
  let found: ScormSessionLocalRow[];
  if (filter.userId && !filter.packageId) {
    const upper = start ? [filter.userId, start.updated_at] : [filter.userId, Dexie.maxKey];
    found = await table.where('[user_id+updated_at]').between([filter.userId, Dexie.minKey], upper, true, true).reverse().filter(wanted).limit(size + 1).toArray();
  } else {
    const rows =
      filter.packageId && filter.userId
        ? await table.where('[package_id+user_id]').equals([filter.packageId, filter.userId]).toArray()
        : filter.packageId
          ? await table.where('package_id').equals(filter.packageId).toArray()
          : await table.toArray();
    found = rows.filter(wanted).sort(newerChangeFirst).slice(0, size + 1);
  }
  const more = found.length > size;
  const items = more ? found.slice(0, size) : found;
  const last = items.at(-1);
  return { items, next: more && last ? { updated_at: last.updated_at, id: last.id } : null };
}
