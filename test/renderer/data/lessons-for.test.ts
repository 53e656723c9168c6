import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { lessonsFor } from '../../../renderer/src/data/lesson-plays-queries';
import type { LessonPlayRow } from '../../../renderer/src/db/lesson-play-row';
import { OutpostDb } from '../../../renderer/src/db/outpost-db';

let open: OutpostDb[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

const play = (i: number, lessonId: string): LessonPlayRow => ({ id: `p${i}`, clientId: 'c1', userId: 'u1', lessonId, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), completedAt: null, sessions: [] });

/** Ids that sort differently as numbers and as text, and one outside ASCII, as IndexedDB compares strings. */
const idArb = fc.oneof(fc.integer({ min: 0, max: 60 }).map((n) => `lesson-${n}`), fc.constantFrom('Lesson-9', 'lesson-é', 'lesson-', 'z'));

describe('lessonsFor', { timeout: 60_000 }, () => {
  it('finds the same lessons as reading each id by key, whatever the catalog holds between them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(idArb, { maxLength: 50 }), fc.array(idArb, { maxLength: 25 }), async (catalog, named) => {
        const db = new OutpostDb(`lessons-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
        open.push(db);
        await db.lessons.bulkAdd(catalog.map((id) => ({ id, title: { en: id } })));
        const expected = new Map((await db.lessons.bulkGet([...new Set(named)])).flatMap((lesson) => (lesson ? [[lesson.id, lesson] as const] : [])));
        const found = await lessonsFor(db, named.map((id, i) => play(i, id)));
        expect(new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(new Map([...expected].sort(([a], [b]) => (a < b ? -1 : 1))));
      }),
      { numRuns: 150 },
    );
  });

  it('reads past the bounded range: twenty named lessons spread over a catalog of three hundred', async () => {
    const db = new OutpostDb(`lessons-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    open.push(db);
    const catalog = Array.from({ length: 300 }, (_, i) => `l${String(i).padStart(3, '0')}`);
    await db.lessons.bulkAdd(catalog.map((id) => ({ id, title: { en: id } })));
    const named = [...Array.from({ length: 19 }, (_, i) => catalog[i * 15] ?? ''), 'l299', 'missing'];
    const found = await lessonsFor(db, named.map((id, i) => play(i, id)));
    expect([...found.keys()].sort()).toEqual(named.filter((id) => id !== 'missing').sort());
    expect(found.get('l299')).toEqual({ id: 'l299', title: { en: 'l299' } });
  });
});
