import { Dexie } from 'dexie';
import { encodeCursor } from '../../../shared/lesson-plays/cursor';
import type { LessonPlayCursor } from '../../../shared/lesson-plays/cursor';
import { sortValueOf } from '../../../shared/lesson-plays/sorting';
import type { LessonPlaySortField } from '../../../shared/lesson-plays/sorting';
import type { Lesson } from '../../../shared/schemas/catalog';
import type { OutpostDb } from '../db/outpost-db';
import type { LessonPlayRow } from '../db/lesson-play-row';
import { lessonPlayIndexName } from '../db/schema-v9';
import { indexRangePage } from './index-range-page';

export interface LessonPlayListing {
  readonly clientId: string;
  readonly userId?: string | undefined;
  readonly lessonId?: string | undefined;
  readonly sortField: LessonPlaySortField;
  readonly sortOrder: 'asc' | 'desc';
  /** 1-based; applied only without a cursor (the cursor already says where the page starts). */
  readonly page: number;
  readonly pageSize: number;
  readonly cursor?: LessonPlayCursor | undefined;
}

export interface LessonPlayPage {
  readonly rows: LessonPlayRow[];
  readonly hasMore: boolean;
  readonly nextPageToken: string | null;
}

/** The index a listing reads and the filter values that prefix its keys. */
export function listingIndex(listing: Omit<LessonPlayListing, 'sortOrder' | 'page' | 'pageSize' | 'cursor'>): { index: string; prefix: string[] } {
  const fields = ['clientId'];
  const prefix = [listing.clientId];
  if (listing.userId !== undefined) {
    fields.push('userId');
    prefix.push(listing.userId);
  }
  if (listing.lessonId !== undefined) {
    fields.push('lessonId');
    prefix.push(listing.lessonId);
  }
  return { index: lessonPlayIndexName(fields, listing.sortField), prefix };
}

/**
 * One page of plays, read as a single range of the compound index for this filter and sort
 * ([filters+sortField+id], schema-v9.ts): ordered by value then id, starting strictly after the cursor,
 * or (without one) after the pages before `page`, passed over by a key cursor (indexRangePage). One extra
 * row is read to tell whether more follow. Plays without a value for the sort field are not in that index
 * and so not listed (see shared/lesson-plays/sorting.ts).
 */
export async function listLessonPlayPage(db: OutpostDb, listing: LessonPlayListing): Promise<LessonPlayPage> {
  const { index, prefix } = listingIndex(listing);
  const low = [...prefix, Dexie.minKey];
  const high = [...prefix, Dexie.maxKey];
  const asc = listing.sortOrder === 'asc';
  const cursor = listing.cursor;
  let range;
  if (!cursor) range = db.lessonPlays.where(index).between(low, high, true, true);
  else if (asc) {
    // After (value, id); a bare value (id null) skips every play with that value.
    const from = [...prefix, cursor.value, cursor.id ?? Dexie.maxKey];
    range = db.lessonPlays.where(index).between(from, high, false, true);
  } else {
    const to = [...prefix, cursor.value, cursor.id ?? Dexie.minKey];
    range = db.lessonPlays.where(index).between(low, to, true, false);
  }
  // A page number (no cursor) passes over the pages before it inside IndexedDB, reading none of their rows.
  const found = !cursor && listing.page > 1
    ? await indexRangePage(db.lessonPlays, index, low, high, { reverse: !asc, offset: (listing.page - 1) * listing.pageSize, limit: listing.pageSize + 1 })
    : await (asc ? range : range.reverse()).limit(listing.pageSize + 1).toArray();
  const hasMore = found.length > listing.pageSize;
  const rows = hasMore ? found.slice(0, listing.pageSize) : found;
  const last = rows.at(-1);
  const lastValue = last ? sortValueOf(last, listing.sortField) : undefined;
  return { rows, hasMore, nextPageToken: hasMore && last && lastValue !== undefined ? encodeCursor(lastValue, last.id) : null };
}

export function getLessonPlay(db: OutpostDb, playId: string): Promise<LessonPlayRow | undefined> {
  return db.lessonPlays.get(playId);
}

/** Lessons read by key one at a time (bulkGet) up to this many; more are read as one range of ids. */
const LESSONS_BY_KEY = 2;
/** A range read of the lessons holds at most this many more rows than the lessons asked for. */
const LESSON_RANGE_SLACK = 8;

/**
 * The lessons the plays name, by id (a lesson the catalog no longer has is simply absent). A page names up
 * to 20 lessons; bulkGet reads them with one IndexedDB get each (~1 ms for 20 in Chromium), so several are
 * read as one bounded getAll of the id range from the least to the greatest (at most twice as many rows as
 * asked for, plus a few: catalogs are small and a page's lessons are often neighbours). Ids past the last
 * row that bounded read reached are then read by key; ids before it that it did not return do not exist.
 */
export async function lessonsFor(db: OutpostDb, plays: readonly LessonPlayRow[]): Promise<Map<string, Lesson>> {
  const ids = [...new Set(plays.map((p) => p.lessonId))];
  const found = new Map<string, Lesson>();
  const byKey = async (keys: readonly string[]) => {
    for (const lesson of await db.lessons.bulkGet([...keys])) if (lesson) found.set(lesson.id, lesson);
  };
  // Code-unit order, as IndexedDB compares strings.
  const sorted = [...ids].sort();
  const least = sorted[0];
  const greatest = sorted.at(-1);
  if (sorted.length <= LESSONS_BY_KEY || least === undefined || greatest === undefined) {
    await byKey(ids);
    return found;
  }
  const limit = sorted.length * 2 + LESSON_RANGE_SLACK;
  const rows = await db.lessons.where(':id').between(least, greatest, true, true).limit(limit).toArray();
  const wanted = new Set(ids);
  for (const lesson of rows) if (wanted.has(lesson.id)) found.set(lesson.id, lesson);
  const reached = rows.length === limit ? rows.at(-1)?.id : undefined;
  if (reached !== undefined) await byKey(sorted.filter((id) => id > reached));
  return found;
}

export function lessonExists(db: OutpostDb, lessonId: string): Promise<boolean> {
  return db.lessons.get(lessonId).then((lesson) => lesson !== undefined);
}

/** A client the kiosk knows: some learner on its roster belongs to it (the roster's tenant is the client). */
export async function clientKnown(db: OutpostDb, clientId: string): Promise<boolean> {
  return (await db.learners.where('tenant_id').equals(clientId).first()) !== undefined;
}

/** The lessons a learner can start, by title in the catalog's order of ids. */
export function listLessons(db: OutpostDb): Promise<Lesson[]> {
  return db.lessons.toArray();
}

/**
 * What a live query over one page of a learner's plays must watch, never the learner's whole history: the
 * keys of the learner's range of the index the page is sorted by (a new play, or a play whose sort value
 * changes, moves a key there; keys only, one read), the rows on the page (a change that moves no key, such as
 * a result recorded, is seen only by a query that read the row), and the lessons (titles). A signal to read
 * the page again through the API.
 */
export function lessonPlayPageSignal(db: OutpostDb, owner: { id: string; tenant_id: string }, sortField: LessonPlaySortField, shownIds: readonly string[]): Promise<readonly unknown[]> {
  const order = db.lessonPlays.where(lessonPlayIndexName(['clientId', 'userId'], sortField)).between([owner.tenant_id, owner.id, Dexie.minKey], [owner.tenant_id, owner.id, Dexie.maxKey]);
  return Promise.all([order.limit(1).primaryKeys(), db.lessonPlays.bulkGet([...shownIds]), db.lessons.toArray()]);
}

/** What a live query over one play must watch: that play and the lessons. */
export function lessonPlaySignal(db: OutpostDb, playId: string): Promise<readonly unknown[]> {
  return Promise.all([db.lessonPlays.get(playId), db.lessons.toArray()]);
}
