import { Dexie } from 'dexie';
import type { ListAttemptLogsQuery } from '../../../shared/schemas/attempt-log';
import type { OutpostDb } from '../db/outpost-db';
import type { AttemptLogRow } from '../db/rows';
import { indexRangePage } from './index-range-page';

/**
 * The attempt list's order (GET /api/logger/attemptlog): newest first, by end_timestamp descending, then
 * ordinal descending. Attempts equal in both (two tries' attempts touched in the same millisecond at the
 * same place in their tries) keep the order of the index the list was read from, as the list always has:
 * content then id for a learner's whole list, id for one content, item or try.
 */
export type AttemptTieOrder = 'content_then_id' | 'id';

/** Code-unit order, as IndexedDB compares strings (the kiosk's timestamps are all toISOString()). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareAttemptsNewestFirst(tie: AttemptTieOrder): (a: AttemptLogRow, b: AttemptLogRow) => number {
  return (a, b) => byText(b.end_timestamp, a.end_timestamp) || b.ordinal - a.ordinal || (tie === 'content_then_id' ? byText(a.content_id, b.content_id) : 0) || byText(a.id, b.id);
}

export interface AttemptListIndex {
  /** A v18 index ([user+filter?+end_timestamp+ordinal+id], renderer/src/db/schema-v18.ts). */
  readonly index: string;
  /** The filter values that prefix its keys. */
  readonly prefix: readonly string[];
  readonly tie: AttemptTieOrder;
}

/**
 * The index that holds exactly one user's attempts matching the query, in the list's order, or null when
 * none does: `masterylog` (one try's attempts, read whole: see schema-v18.ts), `complete` (IndexedDB
 * cannot index a boolean), `mastery_level`, and `content` with `item`. Those lists are read and sorted in
 * memory.
 */
export function attemptListIndex(userId: string, query: ListAttemptLogsQuery): AttemptListIndex | null {
  if (query.masterylog !== undefined || query.complete !== undefined || query.mastery_level !== undefined) return null;
  if (query.content !== undefined && query.item !== undefined) return null;
  if (query.content !== undefined) return { index: '[user+content_id+end_timestamp+ordinal+id]', prefix: [userId, query.content], tie: 'id' };
  if (query.item !== undefined) return { index: '[user+item+end_timestamp+ordinal+id]', prefix: [userId, query.item], tie: 'id' };
  return { index: '[user+end_timestamp+ordinal+id]', prefix: [userId], tie: 'content_then_id' };
}

export interface AttemptLogPage {
  /** Every attempt the list holds (its `count`). */
  readonly count: number;
  /** The attempts at [offset, offset + limit) of the list. */
  readonly rows: AttemptLogRow[];
}

const sameMoment = (a: AttemptLogRow, b: AttemptLogRow) => a.end_timestamp === b.end_timestamp && a.ordinal === b.ordinal;

/**
 * One page of the list from its index: the total is an index count, and the page is read backwards from
 * the index past the rows before it (indexRangePage), with one row more on each side. Equal attempts (same
 * end_timestamp and ordinal) are next to each other in both the index and the list, but the index read
 * backwards has them by descending id where the list has them by ascending (content, then) id; when such a
 * run crosses the page's edge, the whole run is read (an index range; almost always one or two rows) and
 * the page cut from it in the list's order, so the page holds exactly the rows the in-memory sort of the
 * whole list would put there.
 */
export async function readAttemptLogPage(db: OutpostDb, spec: AttemptListIndex, offset: number, limit: number): Promise<AttemptLogPage> {
  const lower = [...spec.prefix, Dexie.minKey];
  const upper = [...spec.prefix, Dexie.maxKey];
  return db.transaction('r', db.attemptLogs, async () => {
    const from = Math.max(0, offset - 1);
    const [count, window] = await Promise.all([
      db.attemptLogs.where(spec.index).between(lower, upper, true, true).count(),
      indexRangePage(db.attemptLogs, spec.index, lower, upper, { reverse: true, offset: from, limit: offset - from + limit + 1 }),
    ]);
    const page = window.slice(offset - from, offset - from + limit);
    const first = page[0];
    const last = page.at(-1);
    if (!first || !last) return { count, rows: [] };
    const before = offset > from ? window[0] : undefined;
    const after = window[offset - from + limit];
    const order = compareAttemptsNewestFirst(spec.tie);
    const run = (row: AttemptLogRow) => {
      const key = [...spec.prefix, row.end_timestamp, row.ordinal];
      return db.attemptLogs.where(spec.index).between([...key, Dexie.minKey], [...key, Dexie.maxKey], true, true).toArray();
    };
    // Runs of equal attempts as the page has them, then the runs at its edges completed from the index.
    const runs: AttemptLogRow[][] = [];
    for (const row of page) {
      const current = runs.at(-1);
      if (current?.[0] && sameMoment(current[0], row)) current.push(row);
      else runs.push([row]);
    }
    let start = offset;
    const crossesStart = before !== undefined && sameMoment(before, first);
    const crossesEnd = after !== undefined && sameMoment(after, last);
    if (crossesStart) {
      const whole = await run(first);
      // The index lists a run by id descending: the rows of it with a greater id came before the page.
      start = offset - whole.filter((row) => row.id > first.id).length;
      runs[0] = whole;
    }
    if (crossesEnd && !(crossesStart && runs.length === 1)) runs[runs.length - 1] = await run(last);
    const ordered = runs.flatMap((rows) => [...rows].sort(order));
    return { count, rows: ordered.slice(offset - start, offset - start + limit) };
  });
}
