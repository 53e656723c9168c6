import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClassGrid, buildGrid } from '../../../shared/progress/build-grid';
import { asLessonSummaryPlay, summarizeLessonPlays } from '../../../shared/progress/lesson-summary';
import type { LessonPlaySummary } from '../../../shared/progress/lesson-summary';
import { classLessonPlays, classLessonPlaySummaries } from '../../../renderer/src/data/progress-grid';
import type { ClassLearner } from '../../../renderer/src/data/progress-grid';
import type { LessonPlayRow } from '../../../renderer/src/db/lesson-play-row';
import { OutpostDb } from '../../../renderer/src/db/outpost-db';
import type { OutpostDb as Db } from '../../../renderer/src/db/outpost-db';
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
import { openTestDb } from '../../support/fake-db';
import { ALICE, BOB, TENANT } from '../../support/local-api-fixture';

const OTHER_TENANT = '0b7c5f3e-1d2a-4c8b-9e6f-3a2b1c0d9e99';
const LESSONS = ['lesson-a', 'lesson-b', 'lesson-c'];
const GRADES = ['A+', 'A', 'B', 'C', 'D', 'E', 'F'] as const;
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 8) + minutes * 60_000).toISOString();
const learners: ClassLearner[] = [
  { id: ALICE, name: 'Alice', tenant_id: TENANT },
  { id: BOB, name: 'Bob', tenant_id: TENANT },
];

const play = (n: number, extra: Partial<LessonPlayRow> = {}): LessonPlayRow => ({
  id: `91a90000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  clientId: TENANT,
  userId: [ALICE, BOB][n % 2]!,
  lessonId: LESSONS[Math.floor(n / 2) % LESSONS.length]!,
  createdAt: at(n % 7),
  completedAt: n % 3 === 0 ? null : at(100 + n),
  activityTime: (n % 5) * 60,
  averageGrade: GRADES[n % GRADES.length]!,
  sessions: [],
  ...extra,
});

/** Summaries made afresh from every row, in key order. */
function expectedSummaries(rows: readonly unknown[]): LessonPlaySummary[] {
  const groups = new Map<string, NonNullable<ReturnType<typeof asLessonSummaryPlay>>[]>();
  for (const row of rows) {
    const p = asLessonSummaryPlay(row);
    if (!p) continue;
    const key = JSON.stringify([p.clientId, p.userId, p.lessonId]);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, group]) => summarizeLessonPlays(group)!);
}

/** The summaries table matches the plays, and the grid from summaries is the grid from every play. */
async function expectInStep(db: Db): Promise<void> {
  expect(await db.lessonPlaySummaries.toArray()).toEqual(expectedSummaries(await db.lessonPlays.toArray()));
  const now = new Date(at(500));
  const none = { vr: [], scorm: [], tries: [] };
  const fromSummaries = buildClassGrid(learners, [], { ...none, plays: await classLessonPlaySummaries(db, learners) }, now);
  expect(fromSummaries).toEqual(buildGrid(learners, [], { ...none, plays: await classLessonPlays(db, learners) }, now));
}

describe('lesson play summaries in the database (schema v19)', () => {
  it('are built by the upgrade from the plays a version 18 kiosk holds, page by page', async () => {
    const indexedDB = new IDBFactory();
    const v18 = new Dexie('kiosk', { indexedDB, IDBKeyRange });
    for (const [version, schema] of [[1, SCHEMA_V1], [2, SCHEMA_V2], [3, SCHEMA_V3], [4, SCHEMA_V4], [5, SCHEMA_V5], [7, SCHEMA_V7], [8, SCHEMA_V8], [9, SCHEMA_V9], [11, SCHEMA_V11], [12, SCHEMA_V12], [16, SCHEMA_V16], [17, SCHEMA_V17], [18, SCHEMA_V18]] as const) v18.version(version).stores(schema);
    const rows: LessonPlayRow[] = Array.from({ length: SUMMARY_BUILD_PAGE + 300 }, (_, n) => play(n));
    // A play of another client and one without a learner: the first has its own summary, the second none.
    const { userId: _left, ...anonymous } = play(SUMMARY_BUILD_PAGE + 301);
    rows.push(play(SUMMARY_BUILD_PAGE + 300, { clientId: OTHER_TENANT }), anonymous);
    await v18.table('lessonPlays').bulkAdd(rows);
    v18.close();
    const db = new OutpostDb('kiosk', { indexedDB, IDBKeyRange });
    try {
      const built = await db.lessonPlaySummaries.toArray();
      expect(built).toHaveLength(2 * LESSONS.length + 1);
      expect(built).toEqual(expectedSummaries(rows));
      expect(built.reduce((sum, s) => sum + s.count, 0)).toBe(rows.length - 1);
      // And kept from then on.
      await db.lessonPlays.update(rows[4]!.id, { completedAt: at(900), averageGrade: 'A+' });
      await expectInStep(db);
    } finally {
      db.close();
    }
  });

  it('are written in the transaction of every play write: a transaction naming only lessonPlays writes them, a rolled-back one leaves them', async () => {
    const db = openTestDb();
    try {
      await db.transaction('rw', db.lessonPlays, async () => {
        await db.lessonPlays.add(play(1));
        await db.lessonPlays.add(play(3, { createdAt: at(50) }));
      });
      expect(await db.lessonPlaySummaries.toArray()).toEqual(expectedSummaries([play(1), play(3, { createdAt: at(50) })]));
      const before = await db.lessonPlaySummaries.toArray();
      await expect(
        db.transaction('rw', db.lessonPlays, async () => {
          await db.lessonPlays.add(play(5));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await db.lessonPlaySummaries.toArray()).toEqual(before);
      await db.lessonPlays.clear();
      expect(await db.lessonPlaySummaries.count()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('read the plays of a learner and lesson again when the latest or the oldest is deleted', async () => {
    const db = openTestDb();
    try {
      // play(0), play(6) and play(12): Alice's plays of lesson-a, created one minute apart.
      const rows = [play(0, { createdAt: at(1) }), play(6, { createdAt: at(2) }), play(12, { createdAt: at(3) })];
      await db.lessonPlays.bulkAdd(rows);
      await db.lessonPlays.delete(rows[2]!.id);
      expect((await db.lessonPlaySummaries.toArray()).map((s) => [s.count, s.latest.id, s.oldest.id])).toEqual([[2, rows[1]!.id, rows[0]!.id]]);
      await db.lessonPlays.delete(rows[0]!.id);
      expect((await db.lessonPlaySummaries.toArray()).map((s) => [s.count, s.latest.id, s.oldest.id])).toEqual([[1, rows[1]!.id, rows[1]!.id]]);
      await expectInStep(db);
    } finally {
      db.close();
    }
  });

  it('stay equal to summaries made afresh, and the grid to the grid from every play, over any adds, puts, updates and deletes', async () => {
    const opArb = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), ns: fc.uniqueArray(fc.integer({ min: 0, max: 13 }), { minLength: 1, maxLength: 6 }), created: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ kind: fc.constant('put' as const), n: fc.integer({ min: 0, max: 13 }), created: fc.integer({ min: 0, max: 6 }), lesson: fc.constantFrom(...LESSONS) }),
      fc.record({ kind: fc.constant('complete' as const), n: fc.integer({ min: 0, max: 13 }), completed: fc.integer({ min: 200, max: 300 }), grade: fc.option(fc.constantFrom(...GRADES), { nil: null }), time: fc.constantFrom(0, 30, 600) }),
      fc.record({ kind: fc.constant('delete' as const), ns: fc.array(fc.integer({ min: 0, max: 13 }), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('deleteLesson' as const), lesson: fc.constantFrom(...LESSONS) }),
      fc.record({ kind: fc.constant('deleteIdRange' as const), from: fc.integer({ min: 0, max: 13 }), to: fc.integer({ min: 0, max: 13 }) }),
      fc.record({ kind: fc.constant('regrade' as const), lesson: fc.constantFrom(...LESSONS), grade: fc.constantFrom(...GRADES) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        const db = openTestDb();
        try {
          for (const op of ops) {
            switch (op.kind) {
              case 'add':
                // Adds of ids that exist fail as a batch; the rows that did go in are summarised.
                await db.lessonPlays.bulkAdd(op.ns.map((n) => play(n, { createdAt: at(op.created) }))).catch(() => undefined);
                break;
              case 'put':
                await db.lessonPlays.put(play(op.n, { createdAt: at(op.created), lessonId: op.lesson }));
                break;
              case 'complete':
                await db.lessonPlays.update(play(op.n).id, { completedAt: at(op.completed), averageGrade: op.grade, activityTime: op.time });
                break;
              case 'delete':
                await db.lessonPlays.bulkDelete(op.ns.map((n) => play(n).id));
                break;
              case 'deleteLesson':
                await db.lessonPlays.where('[clientId+lessonId+createdAt+id]').between([TENANT, op.lesson, Dexie.minKey], [TENANT, op.lesson, Dexie.maxKey]).delete();
                break;
              case 'deleteIdRange':
                await db.lessonPlays.where(':id').between(play(Math.min(op.from, op.to)).id, play(Math.max(op.from, op.to)).id, true, true).delete();
                break;
              case 'regrade':
                await db.lessonPlays.where('[clientId+lessonId+createdAt+id]').between([TENANT, op.lesson, Dexie.minKey], [TENANT, op.lesson, Dexie.maxKey]).modify({ averageGrade: op.grade });
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
