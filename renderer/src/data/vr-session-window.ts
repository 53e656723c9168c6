import { Dexie } from 'dexie';
import type { OutpostDb } from '../db/outpost-db';
import type { VrPackageRow } from '../db/rows';
import type { SessionWithPackage } from './vr-session-queries';

/** Sessions shown at first on "My VR sessions", and how many more each "Show older sessions" adds. */
export const SESSION_PAGE_SIZE = 50;

export interface SessionWindow {
  /** The learner's newest sessions, newest first, each with its package. */
  readonly items: readonly SessionWithPackage[];
  /** Older sessions exist beyond the window. */
  readonly hasMore: boolean;
}

/**
 * The newest `size` sessions of one learner, newest first: one range of the [user_id+created_at] index
 * read backwards, one row past the window to tell whether more follow, and only the packages those rows
 * name. Cost follows the window, not the learner's history, so a live query over it stays cheap when one
 * session is added or changes (a learner with thousands of sessions reads 51 rows, not thousands).
 * Sessions with the same start time come newest id first. `size` is clamped to a whole number of at least 1.
 */
export async function learnerSessionWindow(db: OutpostDb, learnerId: string, size: number): Promise<SessionWindow> {
  const limit = Number.isFinite(size) ? Math.max(1, Math.floor(size)) : SESSION_PAGE_SIZE;
  const found = await db.vrSessions
    .where('[user_id+created_at]')
    .between([learnerId, Dexie.minKey], [learnerId, Dexie.maxKey], true, true)
    .reverse()
    .limit(limit + 1)
    .toArray();
  const hasMore = found.length > limit;
  const rows = hasMore ? found.slice(0, limit) : found;
  const ids = [...new Set(rows.map((row) => row.package_id))];
  const packages = new Map<string, VrPackageRow>();
  for (const pkg of await db.vrPackages.bulkGet(ids)) if (pkg) packages.set(pkg.id, pkg);
  return { items: rows.map((session) => ({ session, pkg: packages.get(session.package_id) })), hasMore };
}
