import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClassGrid, buildGrid } from '../../../shared/progress/build-grid';
import { exerciseCell } from '../../../shared/progress/exercise-cell';
import { asExerciseSummaryTry, exerciseSummaryCell, summarizeExerciseTries } from '../../../shared/progress/exercise-summary';
import type { ExerciseSummary, ExerciseSummaryTry } from '../../../shared/progress/exercise-summary';
import { classExerciseSummaries, classTries } from '../../../renderer/src/data/progress-grid';
import type { ClassLearner } from '../../../renderer/src/data/progress-grid';
import { OutpostDb } from '../../../renderer/src/db/outpost-db';
import type { OutpostDb as Db } from '../../../renderer/src/db/outpost-db';
import type { MasteryLogRow } from '../../../renderer/src/db/rows';
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
import { SCHEMA_V21 } from '../../../renderer/src/db/schema-v21';
import { SUMMARY_BUILD_PAGE } from '../../../renderer/src/db/summaries';
import { openTestDb } from '../../support/fake-db';
import { ALICE, BOB, TENANT } from '../../support/local-api-fixture';

const EXERCISES = ['exercise-a', 'exercise-b', 'exercise-c'];
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 8) + minutes * 60_000).toISOString();
const learners: ClassLearner[] = [
  { id: ALICE, name: 'Alice', tenant_id: TENANT },
  { id: BOB, name: 'Bob', tenant_id: TENANT },
];
/** Fractional times, whose floating-point sums would depend on their order. */
const TIMES = [0, 0.1, 0.2, 1 / 3, 2.5, 95.4, 600];

const attempt = (n: number, extra: Partial<MasteryLogRow> = {}): MasteryLogRow => ({
  id: `7a1e0000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  user: [ALICE, BOB][n % 2]!,
  content_id: EXERCISES[Math.floor(n / 2) % EXERCISES.length]!,
  summarylog: `50a10000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  mastery_level: n % 5 === 0 ? -1 - (n % 3) : 1 + (n % 3),
  mastery_criterion: { type: 'm_of_n', m: 3, n: 5 },
  start_timestamp: at(0),
  end_timestamp: at(n % 4),
  completion_timestamp: null,
  complete: n % 4 === 0,
  correct: 1,
  correct_sum: n % 3,
  time_spent: TIMES[n % TIMES.length]!,
  attempt_count: n % 7,
  ...extra,
});

/** Tries grouped by learner and exercise, in key order. */
function groups(rows: readonly unknown[]): ExerciseSummaryTry[][] {
  const byKey = new Map<string, ExerciseSummaryTry[]>();
  for (const row of rows) {
    const t = asExerciseSummaryTry(row);
    if (!t) continue;
    const key = JSON.stringify([t.user, t.content_id]);
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, group]) => group);
}

/** Summaries made afresh from every row, in key order. */
const expectedSummaries = (rows: readonly unknown[]): ExerciseSummary[] => groups(rows).map((group) => summarizeExerciseTries(group)!);

/** The summaries table matches the tries, each summary's cell is exerciseCell of its tries, and the grids agree. */
async function expectInStep(db: Db): Promise<void> {
  const rows = await db.masteryLogs.toArray();
  const stored = await db.exerciseSummaries.toArray();
  expect(stored).toEqual(expectedSummaries(rows));
  expect(stored.map(exerciseSummaryCell)).toEqual(groups(rows).map((group) => exerciseCell(group)));
  const now = new Date(at(500));
  const none = { vr: [], scorm: [], plays: [] };
  const fromSummaries = buildClassGrid(learners, [], { ...none, tries: await classExerciseSummaries(db, learners) }, now);
  expect(fromSummaries).toEqual(buildGrid(learners, [], { ...none, tries: await classTries(db, learners) }, now));
}

describe('exercise summaries in the database (schema v22)', () => {
  it('are built by the upgrade from the tries a version 21 kiosk holds, page by page', async () => {
    const indexedDB = new IDBFactory();
    const v21 = new Dexie('kiosk', { indexedDB, IDBKeyRange });
    for (const [version, schema] of [[1, SCHEMA_V1], [2, SCHEMA_V2], [3, SCHEMA_V3], [4, SCHEMA_V4], [5, SCHEMA_V5], [7, SCHEMA_V7], [8, SCHEMA_V8], [9, SCHEMA_V9], [11, SCHEMA_V11], [12, SCHEMA_V12], [16, SCHEMA_V16], [17, SCHEMA_V17], [18, SCHEMA_V18], [19, SCHEMA_V19], [20, SCHEMA_V20], [21, SCHEMA_V21]] as const) v21.version(version).stores(schema);
    const rows = Array.from({ length: SUMMARY_BUILD_PAGE + 300 }, (_, n) => attempt(n));
    await v21.table('masteryLogs').bulkAdd(rows);
    v21.close();
    const db = new OutpostDb('kiosk', { indexedDB, IDBKeyRange });
    try {
      const built = await db.exerciseSummaries.toArray();
      expect(built).toHaveLength(2 * EXERCISES.length);
      expect(built).toEqual(expectedSummaries(rows));
      expect(built.reduce((sum, s) => sum + s.count, 0)).toBe(rows.length);
      await db.masteryLogs.update(rows[4]!.id, { end_timestamp: at(900), time_spent: rows[4]!.time_spent + 0.1, attempt_count: 9 });
      await expectInStep(db);
    } finally {
      db.close();
    }
  });

  it('are written in the transaction of every try write, read again when the latest try goes, emptied by clear', async () => {
    const db = openTestDb();
    try {
      // attempt(0), attempt(6) and attempt(12): Alice's tries at exercise-a.
      const rows = [attempt(0, { end_timestamp: at(1) }), attempt(6, { end_timestamp: at(2) }), attempt(12, { end_timestamp: at(3) })];
      await db.transaction('rw', db.masteryLogs, () => db.masteryLogs.bulkAdd(rows));
      await expect(
        db.transaction('rw', db.masteryLogs, async () => {
          await db.masteryLogs.add(attempt(18));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await expectInStep(db);
      expect((await db.exerciseSummaries.toArray()).map((s) => [s.count, s.latest.id])).toEqual([[3, rows[2]!.id]]);
      await db.masteryLogs.delete(rows[2]!.id);
      expect((await db.exerciseSummaries.toArray()).map((s) => [s.count, s.latest.id])).toEqual([[2, rows[1]!.id]]);
      await expectInStep(db);
      await db.masteryLogs.clear();
      expect(await db.exerciseSummaries.count()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('stay equal to summaries made afresh, their cells to exerciseCell and the grid to the grid from every try, over any writes', async () => {
    const N = 13;
    const opArb = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), ns: fc.uniqueArray(fc.integer({ min: 0, max: N }), { minLength: 1, maxLength: 6 }), end: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ kind: fc.constant('put' as const), n: fc.integer({ min: 0, max: N }), end: fc.integer({ min: 0, max: 6 }), exercise: fc.constantFrom(...EXERCISES) }),
      fc.record({ kind: fc.constant('progress' as const), n: fc.integer({ min: 0, max: N }), end: fc.integer({ min: 0, max: 9 }), delta: fc.constantFrom(0, 0.1, 0.7, 30), answers: fc.integer({ min: 0, max: 2 }), complete: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), ns: fc.array(fc.integer({ min: 0, max: N }), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('deletePair' as const), learner: fc.constantFrom(ALICE, BOB), exercise: fc.constantFrom(...EXERCISES) }),
      fc.record({ kind: fc.constant('deleteIdRange' as const), from: fc.integer({ min: 0, max: N }), to: fc.integer({ min: 0, max: N }) }),
      fc.record({ kind: fc.constant('modify' as const), exercise: fc.constantFrom(...EXERCISES), complete: fc.boolean() }),
      fc.record({ kind: fc.constant('transaction' as const), add: fc.integer({ min: 0, max: N }), remove: fc.integer({ min: 0, max: N }), delta: fc.constantFrom(0.1, 2.5), fail: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        const db = openTestDb();
        try {
          for (const op of ops) {
            switch (op.kind) {
              case 'add':
                await db.masteryLogs.bulkAdd(op.ns.map((n) => attempt(n, { end_timestamp: at(op.end) }))).catch(() => undefined);
                break;
              case 'put':
                await db.masteryLogs.put(attempt(op.n, { end_timestamp: at(op.end), content_id: op.exercise }));
                break;
              case 'progress': {
                const id = attempt(op.n).id;
                await db.transaction('rw', db.masteryLogs, async () => {
                  const row = await db.masteryLogs.get(id);
                  if (row) await db.masteryLogs.update(id, { end_timestamp: at(op.end), time_spent: row.time_spent + op.delta, attempt_count: row.attempt_count + op.answers, complete: row.complete || op.complete });
                });
                break;
              }
              case 'delete':
                await db.masteryLogs.bulkDelete(op.ns.map((n) => attempt(n).id));
                break;
              case 'deletePair':
                await db.masteryLogs.where('[user+content_id]').equals([op.learner, op.exercise]).delete();
                break;
              case 'deleteIdRange':
                await db.masteryLogs.where(':id').between(attempt(Math.min(op.from, op.to)).id, attempt(Math.max(op.from, op.to)).id, true, true).delete();
                break;
              case 'modify':
                await db.masteryLogs.filter((t) => t.content_id === op.exercise).modify({ complete: op.complete });
                break;
              case 'transaction':
                await db
                  .transaction('rw', db.masteryLogs, async () => {
                    await db.masteryLogs.put(attempt(op.add, { time_spent: 1 / 3 }));
                    await db.masteryLogs.where(':id').equals(attempt(op.add).id).modify((t) => {
                      t.time_spent += op.delta;
                    });
                    await db.masteryLogs.delete(attempt(op.remove).id);
                    if (op.fail) throw new Error('rolled back');
                  })
                  .catch(() => undefined);
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
