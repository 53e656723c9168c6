import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClassGrid, buildGrid } from '../../../shared/progress/build-grid';
import { asScormSummarySession, summarizeScormSessions } from '../../../shared/progress/scorm-summary';
import type { ScormSummary, ScormSummarySession } from '../../../shared/progress/scorm-summary';
import { classScormSessions, classScormSummaries } from '../../../renderer/src/data/progress-grid';
import type { ClassLearner } from '../../../renderer/src/data/progress-grid';
import { OutpostDb } from '../../../renderer/src/db/outpost-db';
import type { OutpostDb as Db } from '../../../renderer/src/db/outpost-db';
import type { ScormSessionRow } from '../../../renderer/src/db/rows';
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
import { SUMMARY_BUILD_PAGE } from '../../../renderer/src/db/summaries';
import { SCHEMA_V18 } from '../../../renderer/src/db/schema-v18';
import { SCHEMA_V19 } from '../../../renderer/src/db/schema-v19';
import { openTestDb } from '../../support/fake-db';
import { ALICE, BOB, TENANT } from '../../support/local-api-fixture';

const COURSES = ['course-a', 'course-b', 'course-c'];
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 8) + minutes * 60_000).toISOString();
const learners: ClassLearner[] = [
  { id: ALICE, name: 'Alice', tenant_id: TENANT },
  { id: BOB, name: 'Bob', tenant_id: TENANT },
];

const session = (n: number, extra: Partial<ScormSessionRow> = {}): ScormSessionRow => ({
  id: `5c0a0000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  tenant_id: TENANT,
  user_id: [ALICE, BOB][n % 2]!,
  package_id: COURSES[Math.floor(n / 2) % COURSES.length]!,
  cmi_data: {},
  completion_status: n % 3 === 0 ? 'incomplete' : 'completed',
  success_status: n % 4 === 0 ? 'failed' : 'passed',
  score: n % 5 === 0 ? null : { raw: n % 100, max: 100 },
  time_spent_seconds: (n % 7) * 60,
  version: 1,
  created_at: at(0),
  updated_at: at(n % 6),
  ...extra,
});

/** Summaries made afresh from every row, in key order. */
function expectedSummaries(rows: readonly unknown[]): ScormSummary[] {
  const groups = new Map<string, ScormSummarySession[]>();
  for (const row of rows) {
    const s = asScormSummarySession(row);
    if (!s) continue;
    const key = JSON.stringify([s.user_id, s.package_id]);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, group]) => summarizeScormSessions(group)!);
}

/** The summaries table matches the sessions, and the grid from summaries is the grid from every session. */
async function expectInStep(db: Db): Promise<void> {
  expect(await db.scormSummaries.toArray()).toEqual(expectedSummaries(await db.scormSessions.toArray()));
  const now = new Date(at(500));
  const none = { vr: [], tries: [], plays: [] };
  const fromSummaries = buildClassGrid(learners, [], { ...none, scorm: await classScormSummaries(db, learners) }, now);
  expect(fromSummaries).toEqual(buildGrid(learners, [], { ...none, scorm: await classScormSessions(db, learners) }, now));
}

describe('SCORM summaries in the database (schema v20)', () => {
  it('are built by the upgrade from the sessions a version 19 kiosk holds, page by page', async () => {
    const indexedDB = new IDBFactory();
    const v19 = new Dexie('kiosk', { indexedDB, IDBKeyRange });
    for (const [version, schema] of [[1, SCHEMA_V1], [2, SCHEMA_V2], [3, SCHEMA_V3], [4, SCHEMA_V4], [5, SCHEMA_V5], [7, SCHEMA_V7], [8, SCHEMA_V8], [9, SCHEMA_V9], [11, SCHEMA_V11], [12, SCHEMA_V12], [16, SCHEMA_V16], [17, SCHEMA_V17], [18, SCHEMA_V18], [19, SCHEMA_V19]] as const) v19.version(version).stores(schema);
    const rows = Array.from({ length: SUMMARY_BUILD_PAGE + 300 }, (_, n) => session(n));
    await v19.table('scormSessions').bulkAdd(rows);
    v19.close();
    const db = new OutpostDb('kiosk', { indexedDB, IDBKeyRange });
    try {
      const built = await db.scormSummaries.toArray();
      expect(built).toHaveLength(2 * COURSES.length);
      expect(built).toEqual(expectedSummaries(rows));
      expect(built.reduce((sum, s) => sum + s.count, 0)).toBe(rows.length);
      await db.scormSessions.update(rows[4]!.id, { success_status: 'passed', updated_at: at(900), time_spent_seconds: 5 });
      await expectInStep(db);
    } finally {
      db.close();
    }
  });

  it('are written in the transaction of every session write, read again when the latest session goes, emptied by clear', async () => {
    const db = openTestDb();
    try {
      // session(0), session(6) and session(12): Alice's sessions of course-a.
      const rows = [session(0, { updated_at: at(1) }), session(6, { updated_at: at(2) }), session(12, { updated_at: at(3) })];
      await db.transaction('rw', db.scormSessions, () => db.scormSessions.bulkAdd(rows));
      await expect(
        db.transaction('rw', db.scormSessions, async () => {
          await db.scormSessions.add(session(18));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await expectInStep(db);
      await db.scormSessions.delete(rows[2]!.id);
      expect((await db.scormSummaries.toArray()).map((s) => [s.count, s.latest.id, s.first_id])).toEqual([[2, rows[1]!.id, rows[0]!.id]]);
      await db.scormSessions.delete(rows[0]!.id);
      expect((await db.scormSummaries.toArray()).map((s) => [s.count, s.latest.id, s.first_id])).toEqual([[1, rows[1]!.id, rows[1]!.id]]);
      await db.scormSessions.clear();
      expect(await db.scormSummaries.count()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('stay equal to summaries made afresh, and the grid to the grid from every session, over any adds, commits and deletes', async () => {
    const opArb = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), ns: fc.uniqueArray(fc.integer({ min: 0, max: 13 }), { minLength: 1, maxLength: 6 }), updated: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ kind: fc.constant('put' as const), n: fc.integer({ min: 0, max: 13 }), updated: fc.integer({ min: 0, max: 6 }), course: fc.constantFrom(...COURSES) }),
      fc.record({ kind: fc.constant('commit' as const), n: fc.integer({ min: 0, max: 13 }), updated: fc.integer({ min: 0, max: 9 }), success: fc.constantFrom('passed', 'failed', 'unknown'), seconds: fc.constantFrom(0, 30, 600) }),
      fc.record({ kind: fc.constant('delete' as const), ns: fc.array(fc.integer({ min: 0, max: 13 }), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('deleteCourse' as const), course: fc.constantFrom(...COURSES) }),
      fc.record({ kind: fc.constant('deleteIdRange' as const), from: fc.integer({ min: 0, max: 13 }), to: fc.integer({ min: 0, max: 13 }) }),
      fc.record({ kind: fc.constant('reset' as const), course: fc.constantFrom(...COURSES) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        const db = openTestDb();
        try {
          for (const op of ops) {
            switch (op.kind) {
              case 'add':
                await db.scormSessions.bulkAdd(op.ns.map((n) => session(n, { updated_at: at(op.updated) }))).catch(() => undefined);
                break;
              case 'put':
                await db.scormSessions.put(session(op.n, { updated_at: at(op.updated), package_id: op.course }));
                break;
              case 'commit':
                await db.scormSessions.update(session(op.n).id, { updated_at: at(op.updated), success_status: op.success, time_spent_seconds: op.seconds });
                break;
              case 'delete':
                await db.scormSessions.bulkDelete(op.ns.map((n) => session(n).id));
                break;
              case 'deleteCourse':
                await db.scormSessions.where('package_id').equals(op.course).delete();
                break;
              case 'deleteIdRange':
                await db.scormSessions.where(':id').between(session(Math.min(op.from, op.to)).id, session(Math.max(op.from, op.to)).id, true, true).delete();
                break;
              case 'reset':
                await db.scormSessions.where('package_id').equals(op.course).modify({ completion_status: 'not attempted', score: null });
                break;
            }
            await expectInStep(db);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
