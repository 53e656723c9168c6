import { Dexie } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGrid } from '../../../shared/progress/build-grid';
import type { ProgressGrid } from '../../../shared/progress/build-grid';
import { summarize } from '../../../shared/progress/vr-summary';
import type { VrSummary } from '../../../shared/progress/vr-summary';
import { classLearners, classVrSessions, knownActivities, loadClassGrid } from '../../../renderer/src/data/progress-grid';
import { completeVrSession, createVrSession, markDownloaded, markLaunched } from '../../../renderer/src/data/vr-sessions';
import type { OutpostDb } from '../../../renderer/src/db/outpost-db';
import type { VrSessionRow } from '../../../renderer/src/db/rows';
import { openTestDb } from '../../support/fake-db';

// The class grid from summaries (what the page reads) must be the grid buildGrid makes from every session
// row, after any sequence of writes through the data layer and straight to the table (as imports, merges
// and tests write): creates, launches, completions, updates that move a session to another learner or
// package or back in time, deletes of one, of many and of ranges, writes rolled back, bulk writes that
// partly fail. The stored summaries must also equal summaries made afresh from the rows.

const TENANT = '7e4a0000-0000-4000-8000-000000000001';
const CLASS = 'class-5b';
const learnerId = (n: number) => `1ea40000-0000-4000-8000-00000000000${n}`;
const LEARNERS = [0, 1, 2, 3].map(learnerId); // the last is not in the class
const packageId = (n: number) => `9ac00000-0000-4000-8000-00000000000${n}`;
const PACKAGES = [0, 1, 2].map(packageId); // the last is not in the library
const sessionId = (n: number) => `5e550000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const BASE = Date.UTC(2026, 2, 2, 8, 0, 0);
const minute = (m: number) => new Date(BASE + m * 60_000);
const XAPI = { accountHomePage: 'https://lms.example.org', activityIriBase: 'https://lms.example.org/xapi' };

async function seedKiosk(db: OutpostDb): Promise<void> {
  await db.learners.bulkAdd(LEARNERS.map((id, i) => ({ id, tenant_id: TENANT, display_name: `Learner ${i}`, role: 'learner' as const, pin: null, updated_at: minute(0).toISOString() })));
  await db.vrPackages.bulkAdd(PACKAGES.slice(0, 2).map((id, i) => ({ id, title: `VR ${i}`, version: '1.0.0', target_platforms: ['quest3'] })));
  await db.classes.add({ id: CLASS, name: '5B', created_at: minute(0).toISOString(), updated_at: minute(0).toISOString() });
  await db.classMembers.bulkAdd(LEARNERS.slice(0, 3).map((learner_id) => ({ class_id: CLASS, learner_id, external_id: null, added_at: minute(0).toISOString() })));
}

/** A session row as an import would bring it: any status, times from small pools so ties happen. */
const rowArb = fc.record({
  id: fc.integer({ min: 0, max: 60 }),
  learner: fc.integer({ min: 0, max: 3 }),
  pkg: fc.integer({ min: 0, max: 2 }),
  status: fc.constantFrom('downloading', 'downloaded', 'in_progress', 'completed'),
  created: fc.integer({ min: 0, max: 6 }),
  launched: fc.option(fc.integer({ min: 0, max: 170 }), { nil: null }),
  seconds: fc.constantFrom(0, 60, 600, 1200, 3600),
  scaled: fc.option(fc.constantFrom(0, 0.25, 0.5, 1), { nil: null }),
  success: fc.constantFrom('passed', 'failed', null),
});
type RowSpec = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function rowOf(spec: RowSpec): VrSessionRow {
  const completed = spec.status === 'completed';
  return {
    id: sessionId(spec.id),
    package_id: PACKAGES[spec.pkg]!,
    activity_id: null,
    tenant_id: TENANT,
    user_id: LEARNERS[spec.learner]!,
    status: spec.status,
    completion_mode: 'self_report',
    attempts: 1,
    download_started_at: null,
    download_completed_at: null,
    first_launch_at: spec.launched === null ? null : minute(spec.launched).toISOString(),
    completed_at: completed ? minute(50).toISOString() : null,
    score: completed && spec.scaled !== null ? { raw: spec.scaled * 100, max: 100, scaled: spec.scaled } : null,
    success_status: completed ? spec.success : null,
    time_spent_seconds: completed ? spec.seconds : 0,
    self_reported: true,
    created_at: minute(spec.created).toISOString(),
  };
}

const opArb = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), id: fc.integer({ min: 100, max: 400 }), learner: fc.integer({ min: 0, max: 3 }), pkg: fc.integer({ min: 0, max: 1 }), at: fc.integer({ min: 0, max: 6 }) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('launch' as const), pick: fc.nat(), at: fc.integer({ min: 0, max: 170 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('complete' as const), pick: fc.nat(), score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), minutes: fc.option(fc.constantFrom(1, 10, 20, 60), { nil: undefined }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('put' as const), row: rowArb }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), created: fc.integer({ min: 0, max: 6 }), learner: fc.integer({ min: 0, max: 3 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('bulkDelete' as const), picks: fc.array(fc.nat(), { maxLength: 4 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('deletePair' as const), learner: fc.integer({ min: 0, max: 3 }), pkg: fc.integer({ min: 0, max: 2 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('deleteIdRange' as const), from: fc.integer({ min: 0, max: 60 }), span: fc.integer({ min: 0, max: 20 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('modify' as const), learner: fc.integer({ min: 0, max: 3 }), seconds: fc.constantFrom(0, 60, 600, 3600) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('bulkPut' as const), rows: fc.array(rowArb, { maxLength: 5 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('partialBulkAdd' as const), rows: fc.array(rowArb, { maxLength: 5 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('rolledBack' as const), row: rowArb, pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('clear' as const) }), weight: 1 },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

async function pick(db: OutpostDb, n: number): Promise<VrSessionRow | undefined> {
  const rows = await db.vrSessions.orderBy(':id').toArray();
  return rows.length === 0 ? undefined : rows[n % rows.length];
}

async function apply(db: OutpostDb, op: Op): Promise<void> {
  const ports = (at: Date, id?: string) => ({ db, now: () => at, newId: () => id ?? crypto.randomUUID(), xapi: XAPI });
  switch (op.kind) {
    case 'create': {
      if (await db.vrSessions.get(sessionId(op.id))) return;
      const learner = LEARNERS[op.learner]!;
      await createVrSession(ports(minute(op.at), sessionId(op.id)), { id: learner, tenant_id: TENANT }, { package_id: PACKAGES[op.pkg]!, completion_mode: 'self_report' });
      return;
    }
    case 'launch': {
      const row = await pick(db, op.pick);
      if (!row) return;
      await markDownloaded(ports(minute(op.at)), row.id, minute(op.at));
      await markLaunched(ports(minute(op.at)), row.id, minute(op.at));
      return;
    }
    case 'complete': {
      const row = await pick(db, op.pick);
      if (!row) return;
      await completeVrSession(ports(minute(45)), { id: row.user_id, display_name: 'Learner' }, row.id, { ...(op.score === undefined ? {} : { score: op.score }), ...(op.minutes === undefined ? {} : { time_spent_minutes: op.minutes }) });
      return;
    }
    case 'put':
      await db.vrSessions.put(rowOf(op.row));
      return;
    case 'update': {
      const row = await pick(db, op.pick);
      if (row) await db.vrSessions.update(row.id, { created_at: minute(op.created).toISOString(), user_id: LEARNERS[op.learner]! });
      return;
    }
    case 'delete': {
      const row = await pick(db, op.pick);
      if (row) await db.vrSessions.delete(row.id);
      return;
    }
    case 'bulkDelete': {
      const rows = await Promise.all(op.picks.map((n) => pick(db, n)));
      await db.vrSessions.bulkDelete(rows.flatMap((r) => (r ? [r.id] : [])));
      return;
    }
    case 'deletePair':
      await db.vrSessions.where('[user_id+package_id]').equals([LEARNERS[op.learner]!, PACKAGES[op.pkg]!]).delete();
      return;
    case 'deleteIdRange':
      await db.vrSessions.where(':id').between(sessionId(op.from), sessionId(op.from + op.span), true, true).delete();
      return;
    case 'modify':
      await db.vrSessions.where('user_id').equals(LEARNERS[op.learner]!).modify((row) => {
        if (row.status === 'completed') row.time_spent_seconds = op.seconds;
      });
      return;
    case 'bulkPut':
      // A later row with the same id overwrites an earlier one in the same request.
      await db.vrSessions.bulkPut(op.rows.map(rowOf));
      return;
    case 'partialBulkAdd':
      // Rows whose id exists fail; the others are added and the transaction commits (the error is caught inside it).
      await db.transaction('rw', db.vrSessions, async () => {
        try {
          await db.vrSessions.bulkAdd(op.rows.map(rowOf));
        } catch (error) {
          if (!(error instanceof Dexie.BulkError)) throw error;
        }
      });
      return;
    case 'rolledBack': {
      const row = await pick(db, op.pick);
      await db
        .transaction('rw', db.vrSessions, async () => {
          await db.vrSessions.put(rowOf(op.row));
          if (row) await db.vrSessions.delete(row.id);
          throw new Error('rolled back');
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error) || error.message !== 'rolled back') throw error;
        });
      return;
    }
    case 'clear':
      await db.vrSessions.clear();
      return;
  }
}

/** The grid from every session row, by the rule the summaries replace (buildGrid with vrCell and longRunning). */
async function gridFromRows(db: OutpostDb, now: Date): Promise<ProgressGrid> {
  const learners = await classLearners(db, CLASS);
  return buildGrid(learners, await knownActivities(db), { vr: await classVrSessions(db, learners), scorm: [], tries: [], plays: [] }, now);
}

/** Summaries made afresh from the rows, one per learner and package, in key order. */
async function freshSummaries(db: OutpostDb): Promise<VrSummary[]> {
  const rows = await db.vrSessions.orderBy('[user_id+package_id]').toArray();
  const pairs = new Map<string, VrSessionRow[]>();
  for (const row of rows) pairs.set(`${row.user_id}/${row.package_id}`, [...(pairs.get(`${row.user_id}/${row.package_id}`) ?? []), row]);
  return [...pairs.values()].flatMap((group) => summarize(group) ?? []);
}

const NOWS = [minute(0), minute(30), minute(180)];

describe('VR summaries', () => {
  it('give the grid buildGrid makes from every session, after any sequence of writes', async () => {
    const seen = { longSession: 0, inProgress: 0, failed: 0, cells: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 30 }), fc.array(opArb, { minLength: 1, maxLength: 30 }), async (existing, ops) => {
        const db = openTestDb();
        try {
          await seedKiosk(db);
          // What the kiosk held already, written in one request.
          await db.vrSessions.bulkPut(existing.map(rowOf));
          for (const op of ops) await apply(db, op);
          expect(await db.vrSummaries.orderBy(':id').toArray()).toEqual(await freshSummaries(db));
          for (const now of NOWS) {
            const expected = await gridFromRows(db, now);
            expect(await loadClassGrid(db, CLASS, now)).toEqual(expected);
            for (const cell of expected.cells.values()) {
              seen.cells += 1;
              if (cell.help === 'longSession') seen.longSession += 1;
              if (cell.help === 'failed') seen.failed += 1;
              if (cell.status === 'inProgress') seen.inProgress += 1;
            }
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 100 },
    );
    // The sequences reach what the comparison is about: long sessions flagged, running and failed cells.
    expect(seen.longSession).toBeGreaterThan(0);
    expect(seen.inProgress).toBeGreaterThan(0);
    expect(seen.failed).toBeGreaterThan(0);
  }, 120_000);
});
