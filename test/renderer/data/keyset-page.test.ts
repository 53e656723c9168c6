import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readNewestFirst } from '../../../renderer/src/data/keyset-page';
import type { KeysetStart } from '../../../renderer/src/data/keyset-page';
import { learnerSessionPage } from '../../../renderer/src/data/vr-session-page';
import { scormSessionPage } from '../../../renderer/src/data/scorm-session-page';
import { OutpostDb } from '../../../renderer/src/db/outpost-db';
import { readCounter } from '../../support/dexie-read-counter';
import { scormSessionRow, vrSessionRow } from '../../support/session-rows';
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
import { SCHEMA_V17 } from '../../../renderer/src/db/schema-v17';
import { SCHEMA_V18 } from '../../../renderer/src/db/schema-v18';
import { SCHEMA_V19 } from '../../../renderer/src/db/schema-v19';
import { SCHEMA_V20 } from '../../../renderer/src/db/schema-v20';

interface Row {
  readonly id: string;
  readonly user: string;
  readonly pkg: string;
  readonly at: string;
  readonly tenant: string;
}

function openRows(): { db: Dexie; rows: Table<Row, string> } {
  const db = new Dexie(`keyset-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  db.version(1).stores({ rows: 'id, [user+at], [user+pkg+at], at' });
  return { db, rows: db.table<Row, string>('rows') };
}

/** The order the pages promise: newest time first, equal times by id, larger first. */
const newestFirst = (a: { at: string; id: string }, b: { at: string; id: string }) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id === b.id ? 0 : a.id < b.id ? 1 : -1);

// Few moments, so runs of equal times are common and fall across chunk and page edges.
const MOMENTS = ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z', '2026-01-02T08:00:00.000Z', '2026-02-01T00:00:00.000Z'];
const rowArb = fc.record({
  id: fc.stringMatching(/^[0-9a-z]{1,4}$/),
  user: fc.constantFrom('u1', 'u2'),
  pkg: fc.constantFrom('p1', 'p2'),
  at: fc.constantFrom(...MOMENTS),
  tenant: fc.constantFrom('t1', 't1', 't1', 'other'),
});

describe('readNewestFirst (keyset pages of an index ending in a time)', () => {
  it('answers what sorting and cutting every matching row answers, for any start, filter and refusals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(rowArb, { selector: (r) => r.id, maxLength: 120 }),
        fc.constantFrom<readonly string[]>([], ['u1'], ['u2', 'p1']),
        fc.option(fc.record({ at: fc.constantFrom(...MOMENTS, '2025-12-31', '2026-01-01T00:00:00.0005Z'), id: fc.stringMatching(/^[0-9a-z]{0,4}$/) }), { nil: null }),
        fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 70 })),
        fc.boolean(),
        async (all, prefix, start: KeysetStart | null, count, refuseOthers) => {
          const { db, rows } = openRows();
          await rows.bulkAdd(all);
          const index = prefix.length === 0 ? 'at' : prefix.length === 1 ? '[user+at]' : '[user+pkg+at]';
          const accept = (row: Row) => row.tenant !== 'other';
          const got = await readNewestFirst({ table: rows, index, prefix, timeOf: (row) => row.at, ...(refuseOthers ? { accept } : {}) }, start, count);
          const inPrefix = (row: Row) => (prefix[0] === undefined || row.user === prefix[0]) && (prefix[1] === undefined || row.pkg === prefix[1]);
          const expected = all
            .filter((row) => inPrefix(row) && (!refuseOthers || accept(row)) && (start === null || newestFirst(row, start) > 0))
            .sort(newestFirst)
            .slice(0, count);
          expect(got.map((row) => row.id)).toEqual(expected.map((row) => row.id));
          db.close();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('pages through a millisecond shared by more rows than a page, one row at a time and five at a time', async () => {
    const { db, rows } = openRows();
    const all: Row[] = Array.from({ length: 40 }, (_, n) => ({ id: `r${String(n).padStart(2, '0')}`, user: 'u1', pkg: 'p1', at: n < 30 ? MOMENTS[1]! : MOMENTS[0]!, tenant: n % 4 === 0 ? 'other' : 't1' }));
    await rows.bulkAdd(all);
    for (const [size, refuse] of [[1, false], [5, false], [5, true]] as const) {
      const seen: string[] = [];
      let start: KeysetStart | null = null;
      for (let pages = 0; pages < 60; pages += 1) {
        const page: Row[] = await readNewestFirst({ table: rows, index: '[user+at]', prefix: ['u1'], timeOf: (row) => row.at, ...(refuse ? { accept: (row: Row) => row.tenant !== 'other' } : {}) }, start, size);
        seen.push(...page.map((row) => row.id));
        const last = page.at(-1);
        if (page.length < size || !last) break;
        start = { at: last.at, id: last.id };
      }
      expect(seen).toEqual(all.filter((row) => !refuse || row.tenant !== 'other').sort(newestFirst).map((row) => row.id));
    }
    db.close();
  });

  it('reads a deep page with bounded range reads and no row-by-row cursor', async () => {
    const counter = readCounter();
    const db = new OutpostDb(`keyset-vr-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    db.use(counter.middleware);
    const learner = 'learner-1';
    const rows = Array.from({ length: 600 }, (_, n) => vrSessionRow(learner, n, new Date(Date.UTC(2026, 0, 1) + Math.floor(n / 3) * 1000).toISOString(), n % 2 ? 'pkg-a' : 'pkg-b', n % 4 === 1 ? 'act-1' : null));
    await db.vrSessions.bulkAdd(rows);
    const inOrder = [...rows].filter((r) => r.package_id === 'pkg-a').sort((a, b) => newestFirst({ at: a.created_at, id: a.id }, { at: b.created_at, id: b.id }));
    // The page after the 200th of the package's 300 sessions, cut inside a run of equal times.
    const start = inOrder[199]!;
    counter.counts.values = 0;
    counter.counts.valueCursors = 0;
    const page = await learnerSessionPage(db, learner, { package_id: 'pkg-a' }, 20, { at: start.created_at, id: start.id });
    expect(page.items.map((item) => item.session.id)).toEqual(inOrder.slice(200, 220).map((r) => r.id));
    expect(page.next).toEqual({ at: inOrder[219]!.created_at, id: inOrder[219]!.id });
    expect(counter.counts.valueCursors).toBe(0);
    // The page and one row past it, plus the start's own millisecond (two rows of each package share one).
    expect(counter.counts.values).toBeLessThanOrEqual(21 + 3);
    // Both filters: the package's index, the activity checked on each row read.
    const both = await learnerSessionPage(db, learner, { package_id: 'pkg-a', activity_id: 'act-1' }, 500, null);
    expect(both.items.map((item) => item.session.id)).toEqual(inOrder.filter((r) => r.activity_id === 'act-1').map((r) => r.id));
    expect(both.next).toBeNull();
    db.close();
  });

  it('builds the v21 indexes over the sessions a v20 kiosk already holds', async () => {
    const indexedDB = new IDBFactory();
    const name = `keyset-upgrade-${Math.random()}`;
    const v20 = new Dexie(name, { indexedDB, IDBKeyRange });
    const versions: Array<[number, Record<string, string>]> = [[1, SCHEMA_V1], [2, SCHEMA_V2], [3, SCHEMA_V3], [4, SCHEMA_V4], [5, SCHEMA_V5], [7, SCHEMA_V7], [8, SCHEMA_V8], [9, SCHEMA_V9], [11, SCHEMA_V11], [12, SCHEMA_V12], [16, SCHEMA_V16], [17, SCHEMA_V17], [18, SCHEMA_V18], [19, SCHEMA_V19], [20, SCHEMA_V20]];
    for (const [version, schema] of versions) v20.version(version).stores(schema);
    const rows = Array.from({ length: 30 }, (_, n) => vrSessionRow('learner-1', n, new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(), n % 3 ? 'pkg-a' : 'pkg-b', null));
    await v20.table('vrSessions').bulkAdd(rows);
    v20.close();
    const db = new OutpostDb(name, { indexedDB, IDBKeyRange });
    const page = await learnerSessionPage(db, 'learner-1', { package_id: 'pkg-b' }, 4, null);
    expect(db.verno).toBeGreaterThanOrEqual(21);
    expect(page.items.map((item) => item.session.id)).toEqual([27, 24, 21, 18].map((n) => rows[n]!.id));
    db.close();
  });

  it("pages the instructor's SCORM list by course with every tenant check made, reading the page not the course", async () => {
    const counter = readCounter();
    const db = new OutpostDb(`keyset-scorm-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    db.use(counter.middleware);
    const rows = Array.from({ length: 400 }, (_, n) => scormSessionRow(`learner-${n % 7}`, n, new Date(Date.UTC(2026, 0, 1) + Math.floor(n / 2) * 1000).toISOString(), n % 2 ? 'course-a' : 'course-b', n % 10 === 0 ? 'elsewhere' : 't1'));
    await db.scormSessions.bulkAdd(rows as never);
    const wanted = rows.filter((r) => r.package_id === 'course-a' && r.tenant_id === 't1').sort((a, b) => newestFirst({ at: a.updated_at, id: a.id }, { at: b.updated_at, id: b.id }));
    counter.counts.values = 0;
    counter.counts.valueCursors = 0;
    const first = await scormSessionPage(db, { packageId: 'course-a', tenantIds: new Set(['t1']) }, 25, null);
    expect(first.items.map((r) => r.id)).toEqual(wanted.slice(0, 25).map((r) => r.id));
    expect(counter.counts.valueCursors).toBe(0);
    expect(counter.counts.values).toBeLessThan(80);
    const second = await scormSessionPage(db, { packageId: 'course-a', tenantIds: new Set(['t1']) }, 500, first.next);
    expect(second.items.map((r) => r.id)).toEqual(wanted.slice(25).map((r) => r.id));
    expect(second.next).toBeNull();
    db.close();
  });
});
