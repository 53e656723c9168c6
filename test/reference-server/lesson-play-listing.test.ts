import { describe, expect, it } from 'vitest';
import { compareValues, pageLessonPlays } from './lesson-play-listing';
import type { LessonPlayRecord } from './records';

function play(id: string, extra: Partial<LessonPlayRecord> = {}): LessonPlayRecord {
  return { id, clientId: 'c', lessonId: 'l', createdAt: `2026-03-02T09:00:0${id}.000Z`, sessions: [], ...extra };
}

const base = { sortBy: 'createdAt', sortOrder: 'desc', page: 1, pageSize: 2 } as const;

describe('pageLessonPlays', () => {
  it('leaves out plays without the sort field, as Firestore does', () => {
    const plays = [play('1', { caloriesBurned: 50 }), play('2'), play('3', { caloriesBurned: 20 })];
    const page = pageLessonPlays(plays, { ...base, sortBy: 'caloriesBurned', sortOrder: 'asc', pageSize: 10 });
    expect(page.items.map((p) => p.id)).toEqual(['3', '1']);
  });

  it('reads a numeric cursor as a number, not as text', () => {
    const plays = ['1', '2', '3'].map((id, i) => play(id, { caloriesBurned: [5, 40, 100][i] ?? 0 }));
    const page = pageLessonPlays(plays, { ...base, sortBy: 'caloriesBurned', sortOrder: 'asc', startAfter: '40' });
    expect(page.items.map((p) => p.caloriesBurned)).toEqual([100]);
  });

  it('skips plays tied with the cursor value (the value-only cursor of the seed), breaking ties by id within a page', () => {
    const plays = ['a', 'b', 'c'].map((id) => ({ ...play('1'), id, averageGrade: 'A' as const }));
    const first = pageLessonPlays(plays, { ...base, sortBy: 'averageGrade', sortOrder: 'asc' });
    expect(first.items.map((p) => p.id)).toEqual(['a', 'b']);
    expect(first).toMatchObject({ hasMore: true, nextPageToken: 'A' });
    expect(pageLessonPlays(plays, { ...base, sortBy: 'averageGrade', sortOrder: 'asc', startAfter: 'A' }).items).toEqual([]);
  });

  it('ignores the page number once a cursor is given', () => {
    const plays = ['1', '2', '3', '4'].map((id) => play(id));
    expect(pageLessonPlays(plays, { ...base, page: 5, startAfter: '2026-03-02T09:00:03.000Z' }).items.map((p) => p.id)).toEqual(['2', '1']);
  });
});

describe('compareValues', () => {
  it('orders null, booleans, numbers, then strings', () => {
    const values = ['b', 2, null, true, 'a', -1, false];
    expect([...values].sort(compareValues)).toEqual([null, false, true, -1, 2, 'a', 'b']);
  });
});
