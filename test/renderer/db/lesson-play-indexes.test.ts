import { afterEach, describe, expect, it, vi } from 'vitest';
import { LESSON_PLAY_SORT_FIELDS } from '../../../shared/lesson-plays/sorting';
import { listLessonPlayPage } from '../../../renderer/src/data/lesson-plays-queries';
import type { LessonPlayRow } from '../../../renderer/src/db/lesson-play-row';
import type { OutpostDb } from '../../../renderer/src/db/outpost-db';
import { LESSON_PLAY_FILTERS, lessonPlayIndexName } from '../../../renderer/src/db/schema-v9';
import { openTestDb } from '../../support/fake-db';

let db: OutpostDb;
afterEach(() => db?.close());

function row(i: number): LessonPlayRow {
  return {
    id: `p${String(i).padStart(3, '0')}`,
    clientId: 'c1',
    userId: i % 2 === 0 ? 'u1' : 'u2',
    lessonId: i % 3 === 0 ? 'l1' : 'l2',
    createdAt: new Date(Date.UTC(2026, 2, 2, 9, 0, i % 5)).toISOString(),
    completedAt: i % 4 === 0 ? null : new Date(Date.UTC(2026, 2, 2, 10, 0, i % 3)).toISOString(),
    activityTime: i % 7,
    averageGrade: (['A', 'B', 'C'] as const)[i % 3] ?? 'A',
    averageEngagementLevel: (i % 4) / 4,
    averagePoseSimilarity: (i % 5) / 5,
    totalRepCount: i % 6,
    caloriesBurned: i % 2,
    sessions: [],
  };
}

describe('lessonPlays indexes (schema v9)', () => {
  it('has a [filters+sortField+id] index for every filter and every sortable field', () => {
    db = openTestDb();
    const indexes = new Set(db.lessonPlays.schema.indexes.map((index) => index.name));
    for (const filter of LESSON_PLAY_FILTERS) {
      for (const field of LESSON_PLAY_SORT_FIELDS) expect(indexes, `${filter.join('+')} by ${field}`).toContain(lessonPlayIndexName(filter, field));
    }
  });

  it('serves every filter + sort + order with one range of that index (no table scan), in the order a full sort gives', async () => {
    db = openTestDb();
    const rows = Array.from({ length: 60 }, (_, i) => row(i));
    await db.lessonPlays.bulkAdd(rows);
    const where = vi.spyOn(db.lessonPlays, 'where');
    const toCollection = vi.spyOn(db.lessonPlays, 'toCollection');
    const filter = vi.spyOn(db.lessonPlays, 'filter');
    for (const filterFields of LESSON_PLAY_FILTERS) {
      for (const sortField of LESSON_PLAY_SORT_FIELDS) {
        for (const sortOrder of ['asc', 'desc'] as const) {
          where.mockClear();
          const listing = { clientId: 'c1', ...(filterFields.includes('userId' as never) ? { userId: 'u1' } : {}), ...(filterFields.includes('lessonId' as never) ? { lessonId: 'l2' } : {}), sortField, sortOrder, page: 1, pageSize: 7 };
          const seen: string[] = [];
          let cursor;
          for (;;) {
            const page = await listLessonPlayPage(db, { ...listing, cursor });
            seen.push(...page.rows.map((r) => r.id));
            if (!page.hasMore) break;
            const [value, id] = JSON.parse(page.nextPageToken ?? '') as [string | number, string];
            cursor = { value, id };
          }
          expect(new Set(where.mock.calls.map((call) => call[0]))).toEqual(new Set([lessonPlayIndexName(filterFields, sortField)]));
          const expected = rows
            .filter((r) => (listing.userId === undefined || r.userId === listing.userId) && (listing.lessonId === undefined || r.lessonId === listing.lessonId))
            .filter((r) => r[sortField] !== null && r[sortField] !== undefined)
            .sort((a, b) => {
              const [x, y] = [a[sortField] as string | number, b[sortField] as string | number];
              const byValue = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
              return sortOrder === 'asc' ? byValue : -byValue;
            })
            .map((r) => r.id);
          expect(seen, `${filterFields.join('+')} ${sortField} ${sortOrder}`).toEqual(expected);
        }
      }
    }
    expect(toCollection).not.toHaveBeenCalled();
    expect(filter).not.toHaveBeenCalled();
  });
});
