import type { IndexableType, Table } from 'dexie';

export interface RangePageOptions {
  /** Newest first: the range read from its upper end. */
  readonly reverse: boolean;
  /** Rows of the range (in its order) to pass over before the page. */
  readonly offset: number;
  readonly limit: number;
}

/**
 * The rows at [offset, offset + limit) of an index range [lower, upper] (both included), in the index's
 * order or reversed, reading none of the rows it passes over. A key cursor advances `offset` entries inside
 * IndexedDB and yields the page's first key (two requests, no row values), and the page is then one getAll
 * from that key. Dexie's own `.offset(n)` walks a value cursor and continues it once per row of the page
 * (21 round trips for a page of 20); reading offset + limit rows and dropping the first ones reads every
 * skipped row's value.
 *
 * The index's keys must be unique (end them in the primary key, as [filters+sort+id] does), so that the
 * first key names exactly one row; both reads run in one read transaction, so they see the same rows.
 */
export async function indexRangePage<T, TKey, TInsert>(table: Table<T, TKey, TInsert>, index: string, lower: IndexableType, upper: IndexableType, options: RangePageOptions): Promise<T[]> {
  const { reverse, offset, limit } = options;
  if (limit <= 0) return [];
  const range = () => table.where(index).between(lower, upper, true, true);
  if (offset <= 0) return (reverse ? range().reverse() : range()).limit(limit).toArray();
  return table.db.transaction('r', table, async () => {
    const skipped = reverse ? range().reverse() : range();
    const [first] = await skipped.offset(offset).limit(1).keys();
    if (first === undefined) return [];
    const rest = reverse ? table.where(index).between(lower, first, true, true).reverse() : table.where(index).between(first, upper, true, true);
    return rest.limit(limit).toArray();
  });
}
