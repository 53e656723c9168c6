import type { InsertType } from 'dexie';
import type { OutpostDb } from '../db/outpost-db';
import type { VrPackageRow, VrSessionRow } from '../db/rows';
import { readNewestFirst } from './keyset-page';
import type { NewestFirstRead } from './keyset-page';
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
 * One page of a learner's sessions: at most `limit` (clamped to 1..VR_SESSION_PAGE_MAX), strictly after
 * `start` when given, in page order, each with its package.
 *
 * A keyset read of the index that ends in `created_at` after the fields the filter fixes (schema v21):
 * [user_id+created_at], [user_id+package_id+created_at] or [user_id+activity_id+created_at], read
 * backwards from the cursor, one row past the page to know whether more follow. The cost follows the page,
 * not the learner's history nor the filter's rows. With both filters the package's index is read and the
 * activity checked on each row.
 */
export async function learnerSessionPage(db: OutpostDb, learnerId: string, filter: SessionFilter, limit: number, start: VrSessionKey | null): Promise<VrSessionPage> {
  const size = Number.isFinite(limit) ? Math.min(VR_SESSION_PAGE_MAX, Math.max(1, Math.floor(limit))) : VR_SESSION_PAGE_MAX;
  const { package_id: packageId, activity_id: activityId } = filter;
  const read: NewestFirstRead<VrSessionRow, InsertType<VrSessionRow, 'id'>> = packageId
    ? { table: db.vrSessions, index: '[user_id+package_id+created_at]', prefix: [learnerId, packageId], timeOf: (row) => row.created_at, ...(activityId ? { accept: (row: VrSessionRow) => row.activity_id === activityId } : {}) }
    : activityId
      ? { table: db.vrSessions, index: '[user_id+activity_id+created_at]', prefix: [learnerId, activityId], timeOf: (row) => row.created_at }
      : { table: db.vrSessions, index: '[user_id+created_at]', prefix: [learnerId], timeOf: (row) => row.created_at };
  // A page filtered by package names its one package: read beside the rows, not after them.
  const [found, filtered] = await Promise.all([readNewestFirst(read, start && { at: start.created_at, id: start.id }, size + 1), packageId ? db.vrPackages.get(packageId) : undefined]);
  const more = found.length > size;
  const rows = more ? found.slice(0, size) : found;
  const ids = [...new Set(rows.map((row) => row.package_id))];
  const packages = new Map<string, VrPackageRow>();
  for (const pkg of filtered ? [filtered] : await db.vrPackages.bulkGet(ids)) if (pkg) packages.set(pkg.id, pkg);
  const last = rows.at(-1);
  return { items: rows.map((session) => ({ session, pkg: packages.get(session.package_id) })), next: more && last ? { created_at: last.created_at, id: last.id } : null };
}
