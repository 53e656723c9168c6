import { liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { recordLessonPlayResults } from '../../../renderer/src/data/lesson-plays';
import { lessonPlayPageSignal, lessonPlaySignal } from '../../../renderer/src/data/lesson-plays-queries';
import type { LessonPlayRow } from '../../../renderer/src/db/lesson-play-row';
import { OutpostDb } from '../../../renderer/src/db/outpost-db';
import { readCounter } from '../../support/dexie-read-counter';

const owner = { id: 'u1', tenant_id: 'c1' };
const play = (i: number, userId = 'u1'): LessonPlayRow => ({
  id: `p${String(i).padStart(4, '0')}`,
  clientId: 'c1',
  userId,
  lessonId: 'l1',
  createdAt: new Date(Date.UTC(2026, 2, 2, 9, 0, 0, i)).toISOString(),
  completedAt: null,
  sessions: [],
});

let db: OutpostDb | undefined;
afterEach(() => db?.close());

/** Emissions of a live query, and a way to wait for the next one or to see that none came. */
function watch(query: () => Promise<unknown>) {
  let emissions = 0;
  const subscription = liveQuery(query).subscribe({ next: () => (emissions += 1) });
  // Waits until no emission came for 240 ms: under load a wake can take longer than any fixed pause.
  const settle = async () => {
    let last = -1;
    for (let quiet = 0; quiet < 3; ) {
      await new Promise((resolve) => setTimeout(resolve, 80));
      if (emissions === last) quiet += 1;
      else {
        last = emissions;
        quiet = 0;
      }
    }
  };
  return {
    get emissions() {
      return emissions;
    },
    settle,
    stop: () => subscription.unsubscribe(),
  };
}

describe('the live signals of My lessons', () => {
  it('a page of a learner with 1,000 plays reads the sort index’s first key and the 10 rows shown, never the history, and wakes for a new play and a shown play’s result', async () => {
    const { counts, middleware } = readCounter();
    const rowsRead = () => counts.values + counts.gets;
    const resetReads = () => Object.assign(counts, { values: 0, valueCursors: 0, gets: 0 });
    db = new OutpostDb(`signal-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    db.use(middleware);
    await db.lessonPlays.bulkAdd([...Array.from({ length: 1000 }, (_, i) => play(i)), play(2000, 'u2')]);
    const shown = Array.from({ length: 10 }, (_, i) => play(999 - i).id);
    resetReads();
    const newest = watch(() => lessonPlayPageSignal(db!, owner, 'createdAt', shown));
    await newest.settle();
    expect(newest.emissions).toBe(1);
    expect(rowsRead()).toBe(10);

    const ports = { db, now: () => new Date('2026-03-02T10:00:00.000Z'), newId: () => crypto.randomUUID() };
    // A result on a play of another page: Dexie may wake the query (a put names every index key of the
    // row), but a wake reads the page's rows again, not the learner's 1,000.
    resetReads();
    expect(await recordLessonPlayResults(ports, 'u1', play(3).id, { sessions: [], caloriesBurned: 12 })).toMatchObject({ ok: true });
    await newest.settle();
    expect(rowsRead()).toBeLessThanOrEqual(1 + 10 * (newest.emissions - 1));
    // Another learner's new play is outside this learner's range.
    const before = newest.emissions;
    await db.lessonPlays.add(play(2001, 'u2'));
    await newest.settle();
    expect(newest.emissions).toBe(before);

    // A result on a shown play: seen (the row was read), 10 rows read again.
    resetReads();
    expect(await recordLessonPlayResults(ports, 'u1', play(999).id, { sessions: [], caloriesBurned: 30 })).toMatchObject({ ok: true });
    await newest.settle();
    expect(newest.emissions).toBe(before + 1);
    expect(rowsRead()).toBeLessThanOrEqual(1 + 10);
    // A new play of this learner lands in the watched index range.
    await db.lessonPlays.add(play(1000));
    await newest.settle();
    expect(newest.emissions).toBe(before + 2);
    newest.stop();

    // Sorted by similarity: a play getting a similarity moves a key in that index, shown or not.
    const best = watch(() => lessonPlayPageSignal(db!, owner, 'averagePoseSimilarity', [play(3).id]));
    await best.settle();
    await db.lessonPlays.put({ ...play(500), averagePoseSimilarity: 0.9 });
    await best.settle();
    expect(best.emissions).toBe(2);
    best.stop();

    // One play's detail watches that play only.
    const detail = watch(() => lessonPlaySignal(db!, play(10).id));
    await detail.settle();
    await db.lessonPlays.put({ ...play(11), completedAt: '2026-03-02T10:00:00.000Z' });
    await detail.settle();
    expect(detail.emissions).toBe(1);
    await db.lessonPlays.put({ ...play(10), completedAt: '2026-03-02T10:00:00.000Z' });
    await detail.settle();
    expect(detail.emissions).toBe(2);
    detail.stop();
  });
});
