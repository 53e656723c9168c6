import { describe, expect, it } from 'vitest';
import { decodeCursor } from '../../shared/lesson-plays/cursor';
import { pageLessonPlays } from './lesson-play-listing';
import type { ListingOptions } from './lesson-play-listing';
import type { LessonPlayRecord } from './records';

function play(id: string, extra: Partial<LessonPlayRecord> = {}): LessonPlayRecord {
  return { id, clientId: 'c', lessonId: 'l', createdAt: `2026-03-02T09:00:0${id.slice(0, 1)}.000Z`, sessions: [], ...extra };
}

const base: ListingOptions = { sortField: 'createdAt', sortOrder: 'desc', page: 1, pageSize: 2 };

function walk(plays: readonly LessonPlayRecord[], options: ListingOptions): string[] {
  const seen: string[] = [];
  let cursor = options.cursor;
  for (let i = 0; i < 100; i += 1) {
    const page = pageLessonPlays(plays, { ...options, cursor });
    seen.push(...page.items.map((p) => p.id));
    if (!page.hasMore) return seen;
    cursor = decodeCursor(String(page.nextPageToken), options.sortField);
  }
  throw new Error('did not end');
}

describe('pageLessonPlays', () => {
  it('leaves out plays without the sort field or with null, as Firestore and the kiosk index do', () => {
    const plays = [play('1', { caloriesBurned: 50 }), play('2'), play('3', { caloriesBurned: 20 }), play('4', { averageGrade: null })];
    const page = pageLessonPlays(plays, { ...base, sortField: 'caloriesBurned', sortOrder: 'asc', pageSize: 10 });
    expect(page.items.map((p) => p.id)).toEqual(['3', '1']);
    expect(pageLessonPlays(plays, { ...base, sortField: 'averageGrade', pageSize: 10 }).items).toEqual([]);
  });

  it('reads a bare numeric cursor (the seed form) as a number and skips every play with that value', () => {
    const plays = ['1', '2', '3', '4'].map((id, i) => play(id, { caloriesBurned: [5, 40, 40, 100][i] ?? 0 }));
    const page = pageLessonPlays(plays, { ...base, sortField: 'caloriesBurned', sortOrder: 'asc', cursor: decodeCursor('40', 'caloriesBurned') });
    expect(page.items.map((p) => p.caloriesBurned)).toEqual([100]);
  });

  it('never skips or repeats plays that share the sort value, in either direction', () => {
    const plays = ['a', 'b', 'c', 'd', 'e'].map((id) => play(id, { createdAt: '2026-03-02T09:00:00.000Z', averageGrade: 'A' }));
    expect(walk(plays, { ...base, sortField: 'averageGrade', sortOrder: 'asc' })).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(walk(plays, { ...base, sortField: 'averageGrade', sortOrder: 'desc' })).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(walk(plays, base)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('continues after the cursor when plays are added between pages', () => {
    const plays = ['1', '2', '3', '4'].map((id) => play(id));
    const first = pageLessonPlays(plays, base);
    expect(first.items.map((p) => p.id)).toEqual(['4', '3']);
    const later = [...plays, play('9'), play('3b', { createdAt: '2026-03-02T09:00:03.000Z' })];
    const rest = pageLessonPlays(later, { ...base, pageSize: 10, cursor: decodeCursor(String(first.nextPageToken), 'createdAt') });
    // '9' is newer than the cursor: not on a later page of a newest-first walk. '3b' ties with '3' and sorts before it by id.
    expect(rest.items.map((p) => p.id)).toEqual(['2', '1']);
  });

  it('ignores the page number once a cursor is given, and applies it without one', () => {
    const plays = ['1', '2', '3', '4'].map((id) => play(id));
    expect(pageLessonPlays(plays, { ...base, page: 5, cursor: decodeCursor('2026-03-02T09:00:03.000Z', 'createdAt') }).items.map((p) => p.id)).toEqual(['2', '1']);
    expect(pageLessonPlays(plays, { ...base, page: 2 }).items.map((p) => p.id)).toEqual(['2', '1']);
  });
});
