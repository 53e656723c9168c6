import type { OutpostDb } from '../db/outpost-db';
import type { ScormSessionLocalRow } from '../db/schema-v7';
import { readNewestFirst } from './keyset-page';
import type { KeysetStart } from './keyset-page';
import { scormSessionTable } from './scorm-session-table';

/** The largest page `GET /api/v1/sessions?limit=` answers (Outpost's extension, docs/api/scorm.md). */
export const SCORM_SESSION_PAGE_MAX = 500;

export interface ScormSessionPage {
  readonly items: readonly ScormSessionLocalRow[];
  /** The last item's change time and id when more follow, else null. */
  readonly next: KeysetStart | null;
}

export interface ScormPageFilter {
  readonly packageId?: string | undefined;
  readonly userId?: string | undefined;
  /** Only sessions of these tenants (the learner's own, or every tenant on the roster for the instructor). */
  readonly tenantIds: ReadonlySet<string>;
}

/**
 * One page of SCORM sessions: at most `limit` (clamped to 1..SCORM_SESSION_PAGE_MAX), strictly after
 * `start` when given, newest change first, equal times by id, larger first. A keyset read of the index
 * that ends in `updated_at` after the fields the filter fixes (schema v21): [user_id+updated_at],
 * [user_id+package_id+updated_at], [package_id+updated_at] or, for the instructor's whole list,
 * updated_at, read backwards from the cursor. The tenant check is made on each row read; the cost follows
 * the page, not the number of sessions.
 */
export async function scormSessionPage(db: OutpostDb, filter: ScormPageFilter, limit: number, start: KeysetStart | null): Promise<ScormSessionPage> {
  const size = Number.isFinite(limit) ? Math.min(SCORM_SESSION_PAGE_MAX, Math.max(1, Math.floor(limit))) : SCORM_SESSION_PAGE_MAX;
  const { packageId, userId } = filter;
  const [index, prefix] = userId && packageId ? ['[user_id+package_id+updated_at]', [userId, packageId]] : userId ? ['[user_id+updated_at]', [userId]] : packageId ? ['[package_id+updated_at]', [packageId]] : ['updated_at', []];
  const found = await readNewestFirst(
    { table: scormSessionTable(db), index, prefix, timeOf: (row) => row.updated_at, accept: (row) => filter.tenantIds.has(row.tenant_id) },
    start,
    size + 1,
  );
  const more = found.length > size;
  const items = more ? found.slice(0, size) : found;
  const last = items.at(-1);
  return { items, next: more && last ? { at: last.updated_at, id: last.id } : null };
}
