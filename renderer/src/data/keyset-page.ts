import { Dexie } from 'dexie';
import type { IndexableType, Table } from 'dexie';

/** Where a page ends: the last row's time and id. The next page starts strictly after it. */
export interface KeysetStart {
  readonly at: string;
  readonly id: string;
}

export interface NewestFirstRead<Row, Insert = Row> {
  readonly table: Table<Row, string, Insert>;
  /** A compound index `[...prefix fields, time]` (or a plain time index when `prefix` is empty). */
  readonly index: string;
  /** The values of the index's leading fields: the read stays inside them. */
  readonly prefix: readonly string[];
  /** The time a row is filed under: the field the index ends with. */
  readonly timeOf: (row: Row) => string;
  /** Only rows this keeps are counted (a tenant check); the index range already holds the filter. */
  readonly accept?: (row: Row) => boolean;
}

/** Rows read per round when `accept` refuses some: enough that a few refusals cost one more round, not many. */
const MIN_CHUNK = 32;

/**
 * Up to `count` rows of an index ending in a time, newest time first and rows of the same time by id,
 * larger first (the index read backwards: IndexedDB orders equal index keys by primary key), strictly
 * after `start` when given.
 *
 * Every read is a bounded range with a limit, which Dexie answers with one getAll-style request; a
 * Dexie `.filter()` would walk a cursor row by row instead (about three times slower in Chromium for a
 * page of 50). A page after `start` reads from the start's own time down, one row more than it needs,
 * and drops the rows at or before the start (usually just the start itself). Only when more rows share
 * the start's millisecond than that read holds is the millisecond read whole, and the rest below it with
 * an exclusive bound. Rows `accept` refuses are skipped by reading on from the last row seen.
 */
export async function readNewestFirst<Row extends { readonly id: string }, Insert>(read: NewestFirstRead<Row, Insert>, start: KeysetStart | null, count: number): Promise<Row[]> {
  const { table, index, prefix, timeOf } = read;
  const accept = read.accept ?? (() => true);
  const key = (time: IndexableType): IndexableType => (prefix.length === 0 ? time : ([...prefix, time] as IndexableType));
  const below = (upper: IndexableType, inclusive: boolean, limit: number) => table.where(index).between(key(Dexie.minKey), key(upper), true, inclusive).reverse().limit(limit).toArray();
  const found: Row[] = [];
  let from = start;
  while (found.length < count) {
    const want = Math.max(count - found.length, read.accept ? MIN_CHUNK : 1);
    let chunk: Row[];
    let last: Row | undefined;
    let more: boolean;
    if (from === null) {
      chunk = await below(Dexie.maxKey, true, want);
      last = chunk.at(-1);
      more = chunk.length === want;
    } else {
      const after = from;
      const isAfter = (row: Row) => timeOf(row) < after.at || (timeOf(row) === after.at && row.id < after.id);
      const rows = await below(after.at, true, want + 1);
      chunk = rows.filter(isAfter);
      last = rows.at(-1);
      more = rows.length === want + 1;
      if (chunk.length === 0 && more) {
        // More rows share the start's millisecond than the read held: that millisecond whole, then below it.
        const [ties, older] = await Promise.all([table.where(index).equals(key(after.at)).toArray(), below(after.at, false, want)]);
        chunk = [...ties.filter(isAfter).sort((a, b) => (a.id < b.id ? 1 : -1)), ...older];
        last = older.at(-1);
        more = older.length === want;
      }
    }
    for (const row of chunk) {
      if (!accept(row)) continue;
      found.push(row);
      if (found.length === count) break;
    }
    if (!more || !last) break;
    from = { at: timeOf(last), id: last.id };
  }
  return found;
}
