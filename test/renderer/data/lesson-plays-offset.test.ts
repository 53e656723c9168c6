import { Dexie } from 'dexie';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { LESSON_PLAY_SORT_FIELDS } from '../../../shared/lesson-plays/sorting';
import { indexRangePage } from '../../../renderer/src/data/index-range-page';
import { listingIndex, listLessonPlayPage } from '../../../renderer/src/data/lesson-plays-queries';
import type { LessonPlayListing } from '../../../renderer/src/data/lesson-plays-queries';
import type { LessonPlayRow } from '../../../renderer/src/db/lesson-play-row';
import { OutpostDb } from '../../../renderer/src/db/outpost-db';
import { readCounter } from '../../support/dexie-read-counter';

let open: OutpostDb[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

function play(i: number, draw: { user: number; lesson: number; second: number; score: number | null }): LessonPlayRow {
  return {
    id: `p${String(i).padStart(3, '0')}`,
    clientId: 'c1',
    userId: `u${draw.user}`,
    lessonId: `l${draw.lesson}`,
    createdAt: new Date(Date.UTC(2026, 2, 2, 9, 0, draw.second)).toISOString(),
    completedAt: draw.score === null ? null : new Date(Date.UTC(2026, 2, 2, 10, 0, draw.second)).toISOString(),
    sessions: [],
    ...(draw.score === null ? {} : { averageGrade: (['A', 'B', 'C'] as const)[draw.score % 3] ?? 'A', averagePoseSimilarity: draw.score / 4, activityTime: draw.score * 60, totalRepCount: draw.score, caloriesBurned: draw.score % 2 }),
  };
}

/** A numbered page as it was read before: Dexie's offset() over the same index range. */
async function pageBefore(db: OutpostDb, listing: LessonPlayListing): Promise<string[]> {
  const { index, prefix } = listingIndex(listing);
  const range = db.lessonPlays.where(index).between([...prefix, Dexie.minKey], [...prefix, Dexie.maxKey], true, true);
  const collection = (listing.sortOrder === 'asc' ? range : range.reverse()).offset((listing.page - 1) * listing.pageSize);
  return (await collection.limit(listing.pageSize + 1).toArray()).map((row) => row.id);
}

const drawArb = fc.record({ user: fc.integer({ min: 0, max: 2 }), lesson: fc.integer({ min: 0, max: 2 }), second: fc.integer({ min: 0, max: 5 }), score: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }) });
const listingArb = fc.record({
  userId: fc.option(fc.constantFrom('u0', 'u1'), { nil: undefined, freq: 1 }),
  lessonId: fc.option(fc.constantFrom('l0', 'l2'), { nil: undefined, freq: 1 }),
  sortField: fc.constantFrom(...LESSON_PLAY_SORT_FIELDS),
  sortOrder: fc.constantFrom('asc' as const, 'desc' as const),
  pageSize: fc.integer({ min: 1, max: 6 }),
  /** Where the page falls: past the first page, mostly inside the listing, sometimes past its end. */
  where: fc.double({ min: 0, max: 1.1, noNaN: true }),
});

describe('GET lesson-plays by page number', { timeout: 60_000 }, () => {
  it('a numbered page is the same plays and hasMore as reading past the earlier pages with offset()', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(drawArb, { minLength: 10, maxLength: 60 }), listingArb, async (draws, { where, ...drawn }) => {
        const db = new OutpostDb(`plays-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
        open.push(db);
        await db.lessonPlays.bulkAdd(draws.map((draw, i) => play(i, draw)));
        const { index, prefix } = listingIndex({ clientId: 'c1', ...drawn });
        const listed = await db.lessonPlays.where(index).between([...prefix, Dexie.minKey], [...prefix, Dexie.maxKey], true, true).count();
        const listing: LessonPlayListing = { clientId: 'c1', ...drawn, page: 2 + Math.floor((where * listed) / drawn.pageSize) };
        const before = await pageBefore(db, listing);
        const page = await listLessonPlayPage(db, listing);
        expect(page.rows.map((row) => row.id)).toEqual(before.slice(0, listing.pageSize));
        expect(page.hasMore).toBe(before.length > listing.pageSize);
        db.close();
      }),
      { numRuns: 200 },
    );
  });

  it('passes over the earlier pages without reading their rows, or walking the page with a cursor', async () => {
    const { counts, middleware } = readCounter();
    const db = new OutpostDb('deep-plays', { indexedDB: new IDBFactory(), IDBKeyRange });
    open.push(db);
    db.use(middleware);
    await db.lessonPlays.bulkAdd(Array.from({ length: 300 }, (_, i) => play(i, { user: i % 2, lesson: i % 3, second: i, score: i % 5 })));
    counts.values = 0;
    counts.valueCursors = 0;
    const page = await listLessonPlayPage(db, { clientId: 'c1', sortField: 'createdAt', sortOrder: 'desc', page: 10, pageSize: 20 });
    expect(page.rows.map((row) => row.id)).toEqual(Array.from({ length: 20 }, (_, i) => `p${String(299 - 180 - i).padStart(3, '0')}`));
    expect(page.hasMore).toBe(true);
    expect(counts).toEqual({ values: 21, valueCursors: 0, gets: 0 });
  });

  it('indexRangePage: an offset past the end is an empty page, a zero limit reads nothing', async () => {
    const db = new OutpostDb('edges', { indexedDB: new IDBFactory(), IDBKeyRange });
    open.push(db);
    await db.lessonPlays.bulkAdd(Array.from({ length: 5 }, (_, i) => play(i, { user: 0, lesson: 0, second: i, score: 1 })));
    const { index } = listingIndex({ clientId: 'c1', sortField: 'createdAt' });
    const page = (offset: number, limit: number, reverse: boolean) => indexRangePage(db.lessonPlays, index, ['c1', Dexie.minKey], ['c1', Dexie.maxKey], { reverse, offset, limit }).then((rows) => rows.map((row) => row.id));
    expect(await page(5, 3, false)).toEqual([]);
    expect(await page(4, 3, false)).toEqual(['p004']);
    expect(await page(4, 3, true)).toEqual(['p000']);
    expect(await page(1, 2, true)).toEqual(['p003', 'p002']);
    expect(await page(0, 0, false)).toEqual([]);
  });
});
