import type { LessonPlayCursor } from '../../shared/lesson-plays/cursor';
import { comparePlays, sortValueOf } from '../../shared/lesson-plays/sorting';
import type { LessonPlaySortField } from '../../shared/lesson-plays/sorting';
import { encodeCursor } from '../../shared/lesson-plays/cursor';
import type { LessonPlayRecord } from './records';

export interface ListingOptions {
  readonly sortField: LessonPlaySortField;
  readonly sortOrder: 'asc' | 'desc';
  readonly page: number;
  readonly pageSize: number;
  /** The previous page's nextPageToken, decoded (shared/lesson-plays/cursor.ts). */
  readonly cursor?: LessonPlayCursor | undefined;
}

export interface ListingPage {
  readonly items: LessonPlayRecord[];
  readonly hasMore: boolean;
  readonly nextPageToken: string | null;
}

/**
 * Pages through plays with the same rules as the kiosk (renderer/src/data/lesson-plays-queries.ts), so
 * a client behaves the same against either: plays without a value for the sort field (missing or null)
 * are left out, as Firestore's orderBy leaves them out; the order is (value, id), both in the requested
 * direction; a page continues strictly after the cursor's (value, id), or after every play with a bare
 * value (the seed's form); the page number applies only without a cursor.
 */
export function pageLessonPlays(plays: readonly LessonPlayRecord[], options: ListingOptions): ListingPage {
  const direction = options.sortOrder === 'asc' ? 1 : -1;
  const keyed = plays.flatMap((play) => {
    const value = sortValueOf(play, options.sortField);
    return value === undefined ? [] : [{ play, value, id: play.id }];
  });
  keyed.sort((a, b) => direction * comparePlays(a, b));
  let remaining = keyed;
  let offset = (options.page - 1) * options.pageSize;
  const cursor = options.cursor;
  if (cursor) {
    const after = (entry: { value: string | number; id: string }) => {
      if (cursor.id === null) return direction * comparePlays({ value: entry.value, id: '' }, { value: cursor.value, id: '' }) > 0;
      return direction * comparePlays(entry, { value: cursor.value, id: cursor.id }) > 0;
    };
    remaining = keyed.filter(after);
    offset = 0;
  }
  const page = remaining.slice(offset, offset + options.pageSize);
  const hasMore = remaining.length > offset + options.pageSize;
  const last = page.at(-1);
  return { items: page.map((entry) => entry.play), hasMore, nextPageToken: hasMore && last ? encodeCursor(last.value, last.id) : null };
}
