import { Dexie } from 'dexie';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attemptLogOf } from '../../../shared/mastery/logger-records';
import { paged } from '../../../shared/mastery/logger-reads';
import { difficultQuestions } from '../../../shared/progress/difficult-questions';
import type { AttemptLog, ListAttemptLogsQuery } from '../../../shared/schemas/attempt-log';
import { attemptListIndex, readAttemptLogPage } from '../../../renderer/src/data/attempt-log-page';
import { classDifficultQuestions } from '../../../renderer/src/data/class-exercise-detail';
import { listAttemptLogs, pageAttemptLogs } from '../../../renderer/src/data/logger-queries';
import { OutpostDb } from '../../../renderer/src/db/outpost-db';
import type { AttemptLogRow } from '../../../renderer/src/db/rows';
import { SCHEMA_V1 } from '../../../renderer/src/db/schema-v1';
import { SCHEMA_V2 } from '../../../renderer/src/db/schema-v2';
import { SCHEMA_V3 } from '../../../renderer/src/db/schema-v3';
import { SCHEMA_V4 } from '../../../renderer/src/db/schema-v4';
import { SCHEMA_V5 } from '../../../renderer/src/db/schema-v5';
import { SCHEMA_V7 } from '../../../renderer/src/db/schema-v7';
import { SCHEMA_V8 } from '../../../renderer/src/db/schema-v8';
import { SCHEMA_V9 } from '../../../renderer/src/db/schema-v9';
import { SCHEMA_V11 } from '../../../renderer/src/db/schema-v11';
import { SCHEMA_V12 } from '../../../renderer/src/db/schema-v12';
import { SCHEMA_V16 } from '../../../renderer/src/db/schema-v16';
import { readCounter } from '../../support/dexie-read-counter';
import { ALICE, BOB, createApiFixture } from '../../support/local-api-fixture';

/** The database as it was before version 18 (the versions OutpostDb declared up to 16). */
function openV16(name: string, indexedDB: IDBFactory): Dexie {
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  const versions: Array<[number, Record<string, string>]> = [[1, SCHEMA_V1], [2, SCHEMA_V2], [3, SCHEMA_V3], [4, SCHEMA_V4], [5, SCHEMA_V5], [7, SCHEMA_V7], [8, SCHEMA_V8], [9, SCHEMA_V9], [11, SCHEMA_V11], [12, SCHEMA_V12], [16, SCHEMA_V16]];
  for (const [version, schema] of versions) db.version(version).stores(schema);
  return db;
}

/** GET attemptlog's list exactly as it was read before version 18 (renderer/src/data/logger-queries.ts at v16). */
async function listBefore(db: Dexie, userId: string, query: ListAttemptLogsQuery): Promise<AttemptLog[]> {
  const attemptLogs = db.table<AttemptLogRow, string>('attemptLogs');
  const base = query.masterylog !== undefined
    ? attemptLogs.where('masterylog').equals(query.masterylog)
    : query.content !== undefined
      ? attemptLogs.where('[user+content_id]').equals([userId, query.content])
      : query.item !== undefined
        ? attemptLogs.where('[user+item]').equals([userId, query.item])
        : attemptLogs.where('[user+content_id]').between([userId, ''], [userId, '\uffff']);
  const rows = (await base.toArray()).filter(
    (a) => a.user === userId && (query.content === undefined || a.content_id === query.content) && (query.item === undefined || a.item === query.item) && (query.complete === undefined || a.complete === query.complete) && (query.mastery_level === undefined || a.mastery_level === query.mastery_level),
  );
  return rows.sort((a, b) => b.end_timestamp.localeCompare(a.end_timestamp) || b.ordinal - a.ordinal).map(attemptLogOf);
}

// Few users, contents, items, tries, moments and ordinals, so filters match often and equal attempts
// (same end_timestamp and ordinal, in different tries) are common, also across a page's edge.
const MOMENTS = ['2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.001Z', '2026-03-02T09:00:01.000Z', '2026-03-02T10:30:00.000Z', '2026-04-01T00:00:00.000Z'];
const attemptArb = fc.record({
  id: fc.stringMatching(/^[0-9a-zA-Z~-]{1,6}$/),
  user: fc.constantFrom(ALICE, BOB),
  content_id: fc.constantFrom('c1', 'c2', 'c3'),
  item: fc.constantFrom('a', 'b', 'c', 'd'),
  masterylog: fc.constantFrom('m1', 'm2', 'm3'),
  end_timestamp: fc.constantFrom(...MOMENTS.slice(0, 3)),
  ordinal: fc.integer({ min: 0, max: 2 }),
  complete: fc.boolean(),
  mastery_level: fc.constantFrom(1, 2, -1),
});
const attemptsArb = fc.uniqueArray(attemptArb, { selector: (a) => a.id, maxLength: 45 });
/** Filters an index serves (none, content or item) and a try's list... */
const servedQueryArb: fc.Arbitrary<ListAttemptLogsQuery> = fc.oneof(
  fc.constant({}),
  fc.constantFrom('m1', 'm2', 'nope').map((masterylog) => ({ masterylog })),
  fc.constantFrom('c1', 'c3').map((content) => ({ content })),
  fc.constantFrom('a', 'b').map((item) => ({ item })),
);
/** ...and any combination, most of which are read as a whole list. */
const anyQueryArb: fc.Arbitrary<ListAttemptLogsQuery> = fc.record(
  {
    masterylog: fc.constantFrom('m1', 'm2', 'nope'),
    content: fc.constantFrom('c1', 'c3'),
    item: fc.constantFrom('a', 'b'),
    complete: fc.boolean(),
    mastery_level: fc.constantFrom(1, -1),
  },
  { requiredKeys: [] },
);
const queryArb = fc.oneof({ arbitrary: servedQueryArb, weight: 3 }, { arbitrary: anyQueryArb, weight: 1 });

type Drawn = Pick<AttemptLogRow, 'id' | 'user' | 'content_id' | 'item' | 'masterylog' | 'end_timestamp' | 'ordinal' | 'complete' | 'mastery_level'>;

function row(a: Drawn): AttemptLogRow {
  return {
    ...a,
    start_timestamp: a.end_timestamp,
    completion_timestamp: a.complete ? a.end_timestamp : null,
    time_spent: 4,
    correct: a.ordinal % 2,
    hinted: false,
    answer: { v: a.id },
    simple_answer: '',
    interaction_history: [],
    error: false,
    sessionlog: `s-${a.masterylog}`,
  };
}

let open: Dexie[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

/** The same rows in a v16 database (read the old way) and a current one. */
async function both(rows: AttemptLogRow[]): Promise<{ before: Dexie; now: OutpostDb }> {
  const indexedDB = new IDBFactory();
  const before = openV16('before', indexedDB);
  const now = new OutpostDb('now', { indexedDB, IDBKeyRange });
  open.push(before, now);
  await before.table('attemptLogs').bulkAdd(rows);
  await now.attemptLogs.bulkAdd(rows);
  return { before, now };
}

// Each run of the first property fills two fake IndexedDB databases: slow on a loaded machine.
describe('GET attemptlog pages from the v18 indexes', { timeout: 90_000 }, () => {
  it('a page and its count are exactly what the v16 list sorted in memory gives, for every filter combination', async () => {
    await fc.assert(
      fc.asyncProperty(attemptsArb, queryArb, fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 1.2, noNaN: true }), fc.constantFrom(ALICE, BOB), async (attempts, query, pageSize, where, user) => {
        const { before, now } = await both(attempts.map(row));
        const expected = await listBefore(before, user, query);
        // Mostly a page inside the list, sometimes the one just past it or further.
        const offset = Math.floor((where * expected.length) / pageSize) * pageSize;
        const got = await pageAttemptLogs(now, user, query, offset, pageSize);
        expect(got.count).toBe(expected.length);
        expect(got.rows).toEqual(expected.slice(offset, offset + pageSize));
        expect(await listAttemptLogs(now, user, query)).toEqual(expected);
        for (const db of [before, now]) db.close();
      }),
      { numRuns: 150 },
    );
  });

  it('serves no filter, content or item from an index; a try, complete, mastery_level and content with item read the whole list', () => {
    expect(attemptListIndex(ALICE, {})).toEqual({ index: '[user+end_timestamp+ordinal+id]', prefix: [ALICE], tie: 'content_then_id' });
    expect(attemptListIndex(ALICE, { content: 'c1' })).toEqual({ index: '[user+content_id+end_timestamp+ordinal+id]', prefix: [ALICE, 'c1'], tie: 'id' });
    expect(attemptListIndex(ALICE, { item: 'a' })).toEqual({ index: '[user+item+end_timestamp+ordinal+id]', prefix: [ALICE, 'a'], tie: 'id' });
    expect(attemptListIndex(ALICE, { masterylog: 'm1' })).toBeNull();
    expect(attemptListIndex(ALICE, { complete: true })).toBeNull();
    expect(attemptListIndex(ALICE, { mastery_level: 1 })).toBeNull();
    expect(attemptListIndex(ALICE, { content: 'c1', item: 'a' })).toBeNull();
  });

  it('reads a deep page from its index alone: no other index, no value cursor, no row it passes over', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => row({ id: `a${String(i).padStart(4, '0')}`, user: i % 4 === 0 ? BOB : ALICE, content_id: `c${i % 3}`, item: 'a', masterylog: `m${i % 5}`, end_timestamp: new Date(Date.UTC(2026, 2, 2, 9, 0, Math.floor(i / 2))).toISOString(), ordinal: i % 7, complete: true, mastery_level: 1 }));
    const { counts: counted, middleware } = readCounter();
    const db = new OutpostDb('deep', { indexedDB: new IDBFactory(), IDBKeyRange });
    open.push(db);
    db.use(middleware);
    await db.attemptLogs.bulkAdd(rows);
    const where = vi.spyOn(db.attemptLogs, 'where');
    counted.values = 0;
    const page = await pageAttemptLogs(db, ALICE, {}, 150, 20);
    expect(new Set(where.mock.calls.map((call) => call[0]))).toEqual(new Set(['[user+end_timestamp+ordinal+id]']));
    expect(counted.valueCursors).toBe(0);
    // The page, one row on each side to see whether equal attempts cross its edges, and nothing else.
    expect(counted.values).toBe(22);
    const mine = rows.filter((r) => r.user === ALICE).sort((a, b) => b.end_timestamp.localeCompare(a.end_timestamp) || b.ordinal - a.ordinal || a.content_id.localeCompare(b.content_id) || a.id.localeCompare(b.id));
    expect(page).toEqual({ count: 300, rows: mine.slice(150, 170).map(attemptLogOf) });
  });

  it('after upgrading a v16 database with attempts in it, pages come from the new index and match the old list', async () => {
    const indexedDB = new IDBFactory();
    const old = openV16('kiosk', indexedDB);
    const rows = Array.from({ length: 60 }, (_, i) => row({ id: `x${i}`, user: i % 3 === 0 ? BOB : ALICE, content_id: i % 2 ? 'c1' : 'c2', item: 'a', masterylog: `m${i % 4}`, end_timestamp: MOMENTS[i % MOMENTS.length] ?? '', ordinal: i % 3, complete: i % 5 === 0, mastery_level: 1 }));
    await old.table('attemptLogs').bulkAdd(rows);
    const expected = await listBefore(old, ALICE, { content: 'c1' });
    old.close();
    const db = new OutpostDb('kiosk', { indexedDB, IDBKeyRange });
    open.push(db);
    await db.open();
    expect(db.attemptLogs.schema.idxByName['[user+content_id+end_timestamp+ordinal+id]']).toBeDefined();
    // Straight from the index (no fallback): the rows written before the upgrade are all in it.
    const spec = attemptListIndex(ALICE, { content: 'c1' });
    expect(spec).not.toBeNull();
    if (!spec) return;
    expect(await db.attemptLogs.where(spec.index).between([ALICE, 'c1', Dexie.minKey], [ALICE, 'c1', Dexie.maxKey]).count()).toBe(expected.length);
    for (let offset = 0; offset < expected.length + 3; offset += 4) {
      const page = await readAttemptLogPage(db, spec, offset, 4);
      expect({ count: page.count, rows: page.rows.map(attemptLogOf) }).toEqual({ count: expected.length, rows: expected.slice(offset, offset + 4) });
    }
  });
});

describe('the indexes version 18 changed', { timeout: 60_000 }, () => {
  it('still answer the queries made on them, with the same rows and the same class summary', async () => {
    await fc.assert(
      fc.asyncProperty(attemptsArb, async (attempts) => {
        const { before, now } = await both(attempts.map(row));
        const ids = (rows: AttemptLogRow[]) => rows.map((r) => r.id).sort();
        const old = before.table<AttemptLogRow, string>('attemptLogs');
        for (const user of [ALICE, BOB]) {
          expect(ids(await now.attemptLogs.where('[user+content_id]').equals([user, 'c1']).toArray())).toEqual(ids(await old.where('[user+content_id]').equals([user, 'c1']).toArray()));
          expect(ids(await now.attemptLogs.where('[user+item+end_timestamp+ordinal+id]').between([user, 'a', Dexie.minKey], [user, 'a', Dexie.maxKey]).toArray())).toEqual(ids(await old.where('[user+item]').equals([user, 'a']).toArray()));
        }
        expect(ids(await now.attemptLogs.where('masterylog').equals('m2').toArray())).toEqual(ids(await old.where('masterylog').equals('m2').toArray()));
        // The console's hardest questions read [user+content_id] per learner (renderer/src/data/class-exercise-detail.ts).
        const perLearner = await Promise.all([ALICE, BOB].map((user) => old.where('[user+content_id]').equals([user, 'c1']).toArray()));
        expect(await classDifficultQuestions(now, 'c1', [ALICE, BOB])).toEqual(difficultQuestions(perLearner.flat()));
        for (const db of [before, now]) db.close();
      }),
      { numRuns: 40 },
    );
  });
});

describe('GET /api/logger/attemptlog with page_size', () => {
  it('answers every page, envelope and 404 as the whole list cut by `paged` does', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const rows = Array.from({ length: 37 }, (_, i) => row({ id: `r${i}`, user: i % 4 === 0 ? BOB : ALICE, content_id: i % 3 ? 'c1' : 'c2', item: i % 2 ? 'a' : 'b', masterylog: `m${i % 3}`, end_timestamp: MOMENTS[i % 3] ?? '', ordinal: i % 2, complete: i % 5 !== 0, mastery_level: 1 }));
    await f.db.attemptLogs.bulkAdd(rows);
    await fc.assert(
      fc.asyncProperty(queryArb, fc.integer({ min: 1, max: 12 }), fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }), fc.constantFrom(ALICE, BOB), async (query, pageSize, page, user) => {
        const whole = await listAttemptLogs(f.db, user, query);
        const search = new URLSearchParams(Object.entries({ ...query, user, page_size: pageSize, ...(page === undefined ? {} : { page }) }).map(([k, v]) => [k, String(v)]));
        const answer = await f.call('GET', `/api/logger/attemptlog?${search.toString()}`, { token });
        // Alice reads her own list; Bob's reads as empty for her (Kolibri's permission filter).
        const expected = paged(user === ALICE ? whole : [], { page_size: pageSize, page });
        if (expected === null) expect(answer).toEqual({ status: 404, body: { error: 'Invalid page', code: 'NOT_FOUND' } });
        else expect(answer).toEqual({ status: 200, body: expected });
      }),
      { numRuns: 120 },
    );
    f.db.close();
  });
});
