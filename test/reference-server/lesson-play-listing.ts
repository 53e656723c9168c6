import type { LessonPlayRecord } from './records';

export interface ListingOptions {
  readonly sortBy: string;
  readonly sortOrder: 'asc' | 'desc';
  readonly page: number;
  readonly pageSize: number;
  /** The previous page's nextPageToken, as query-string text. */
  readonly startAfter?: string | undefined;
}

export interface ListingPage {
  readonly items: LessonPlayRecord[];
  readonly hasMore: boolean;
  readonly nextPageToken: unknown;
}

/**
 * Pages through plays the way the remote's Firestore query does, so a client written against this
 * behaves the same there: plays without the sortBy field are left out (Firestore's orderBy drops them),
 * the cursor is the sortBy value alone (so plays tied on it at a page boundary are skipped, as there),
 * and with startAfter the page number is not applied again.
 */
export function pageLessonPlays(plays: readonly LessonPlayRecord[], options: ListingOptions): ListingPage {
  const direction = options.sortOrder === 'asc' ? 1 : -1;
  const valueOf = (play: LessonPlayRecord): unknown => (play as Record<string, unknown>)[options.sortBy];
  const sorted = plays
    .filter((play) => valueOf(play) !== undefined)
    .sort((a, b) => direction * (compareValues(valueOf(a), valueOf(b)) || compareValues(a.id, b.id)));

  let remaining = sorted;
  let offset = (options.page - 1) * options.pageSize;
  if (options.startAfter !== undefined) {
    const cursor = cursorValue(options.startAfter, sorted.map(valueOf));
    remaining = sorted.filter((play) => direction * compareValues(valueOf(play), cursor) > 0);
    offset = 0;
  }
  const items = remaining.slice(offset, offset + options.pageSize);
  const hasMore = remaining.length > offset + options.pageSize;
  const last = items.at(-1);
  return { items, hasMore, nextPageToken: hasMore && last ? valueOf(last) : null };
}

/** Firestore's order across types: null, booleans, numbers, then strings (ISO timestamps sort as text). */
function rank(value: unknown): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  return 4;
}

export function compareValues(a: unknown, b: unknown): number {
  const byType = rank(a) - rank(b);
  if (byType !== 0) return byType;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  // Objects (maps) are not meaningfully ordered; their JSON keeps the order stable.
  return JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0;
}

/** A query-string cursor, read as the type the sorted field actually holds. */
function cursorValue(text: string, values: readonly unknown[]): unknown {
  const sample = values.find((value) => value !== null);
  if (typeof sample === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (typeof sample === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  if (text === 'null') return null;
  return text;
}
