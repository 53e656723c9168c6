import { Dexie } from 'dexie';
import type { OutpostDb } from '../db/outpost-db';
import type { VrPackageRow, VrSessionRow } from '../db/rows';
import type { SessionFilter, SessionWithPackage } from './vr-session-queries';

/** The largest page `GET /api/vr-sessions?limit=` answers (Outpost's extension, docs/api/vr-sessions.md). */
export const VR_SESSION_PAGE_MAX = 500;

/** Where a page ends: the last session's start time and id. The next page starts strictly after it. */
export interface VrSessionKey {
  readonly created_at: string;
  readonly id: string;
}

export interface VrSessionPage {
  readonly items: readonly SessionWithPackage[];
  /** The last item's key when older sessions follow, else null. */
  readonly next: VrSessionKey | null;
}

/**
 * The page order, a total one: newest `created_at` first, sessions started in the same millisecond by id,
 * larger first. That is the [user_id+created_at] index read backwards (IndexedDB orders equal index keys
 * by primary key), and strings compare by UTF-16 code units as IndexedDB compares them.
 */
export function newerFirst(a: VrSessionKey, b: VrSessionKey): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

/** Whether `row` comes after `key` in page order. */
function after(row: VrSessionKey, key: VrSessionKey): boolean {
  return newerFirst(row, key) > 0;
}

/**
 * One page of a learner's sessions: at most `limit` (clamped to 1..VR_SESSION_PAGE_MAX), strictly after
 * `start` when given, in page order, each with its package.
 *
 * Without a filter it is a keyset read of [user_id+created_at] backwards from the cursor's time, one row
 * past the page to know whether more follow: the cost follows the page, not the learner's history (only
 * sessions sharing the cursor's millisecond are passed over). With `package_id` or `activity_id` there is
 * no index that also orders by time, so the filter's rows are read by their index (as the unpaged list
 * reads them), sorted and cut: the answer is bounded, its read time grows with that filter's rows.
 */
export async function learnerSessionPage(db: OutpostDb, learnerId: string, filter: SessionFilter, limit: number, start: VrSessionKey | null): Promise<VrSessionPage> {
  const size = Number.isFinite(limit) ? Math.min(VR_SESSION_PAGE_MAX, Math.max(1, Math.floor(limit))) : VR_SESSION_PAGE_MAX;
  let found: VrSessionRow[];
  if (!filter.package_id && !filter.activity_id) {
    const upper = start ? [learnerId, start.created_at] : [learnerId, Dexie.maxKey];
    let range = db.vrSessions.where('[user_id+created_at]').between([learnerId, Dexie.minKey], upper, true, true).reverse();
    if (start) range = range.filter((row) => after(row, start));
    found = await range.limit(size + 1).toArray();
  } else {
    let rows: VrSessionRow[];
    if (filter.package_id) rows = await db.vrSessions.where('[user_id+package_id]').equals([learnerId, filter.package_id]).toArray();
    else rows = await db.vrSessions.where('[user_id+activity_id]').equals([learnerId, filter.activity_id ?? '']).toArray();
    if (filter.activity_id) rows = rows.filter((row) => row.activity_id === filter.activity_id);
    if (start) rows = rows.filter((row) => after(row, start));
    found = rows.sort(newerFirst).slice(0, size + 1);
  }
  const more = found.length > size;
  const rows = more ? found.slice(0, size) : found;
  const ids = [...new Set(rows.map((row) => row.package_id))];
  const packages = new Map<string, VrPackageRow>();
  for (const pkg of await db.vrPackages.bulkGet(ids)) if (pkg) packages.set(pkg.id, pkg);
  const last = rows.at(-1);
  return { items: rows.map((session) => ({ session, pkg: packages.get(session.package_id) })), next: more && last ? { created_at: last.created_at, id: last.id } : null };
}
