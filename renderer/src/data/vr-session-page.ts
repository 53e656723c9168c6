import type { OutpostDb } from '../db/outpost-db';
import type { VrPackageRow } from '../db/rows';
import { readNewestFirst } from './keyset-page';
import type { KeysetStart } from './keyset-page';
import type { SessionFilter, SessionWithPackage } from './vr-session-queries';

/** The largest page `GET /api/vr-sessions?limit=` answers (Outpost's extension, docs/api/vr-sessions.md). */
export const VR_SESSION_PAGE_MAX = 500;

export interface VrSessionPage {
  readonly items: readonly SessionWithPackage[];
  /** The last item's start time and id when older sessions follow, else null. */
  readonly next: KeysetStart | null;
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
export async function learnerSessionPage(db: OutpostDb, learnerId: string, filter: SessionFilter, limit: number, start: KeysetStart | null): Promise<VrSessionPage> {
  const size = Number.isFinite(limit) ? Math.min(VR_SESSION_PAGE_MAX, Math.max(1, Math.floor(limit))) : VR_SESSION_PAGE_MAX;
  const { package_id: packageId, activity_id: activityId } = filter;
  const [index, prefix] = packageId ? ['[user_id+package_id+created_at]', [learnerId, packageId]] : activityId ? ['[user_id+activity_id+created_at]', [learnerId, activityId]] : ['[user_id+created_at]', [learnerId]];
  const read = { table: db.vrSessions, index, prefix, timeOf: (row: { created_at: string }) => row.created_at, ...(packageId && activityId ? { accept: (row: { activity_id: string | null }) => row.activity_id === activityId } : {}) };
  // A page filtered by package names its one package: read beside the rows, not after them.
  const [found, filtered] = await Promise.all([readNewestFirst(read, start, size + 1), packageId ? db.vrPackages.get(packageId) : undefined]);
  const more = found.length > size;
  const rows = more ? found.slice(0, size) : found;
  const ids = [...new Set(rows.map((row) => row.package_id))];
  const packages = new Map<string, VrPackageRow>();
  for (const pkg of filtered ? [filtered] : await db.vrPackages.bulkGet(ids)) if (pkg) packages.set(pkg.id, pkg);
  const last = rows.at(-1);
  return { items: rows.map((session) => ({ session, pkg: packages.get(session.package_id) })), next: more && last ? { at: last.created_at, id: last.id } : null };
}
