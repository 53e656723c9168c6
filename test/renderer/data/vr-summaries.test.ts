import { Dexie, liveQuery } from 'dexie';
import type { DBCore, Middleware } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../shared/progress/vr-summary';
import type { VrSummary } from '../../../shared/progress/vr-summary';
import { learnerVrSummaries } from '../../../renderer/src/data/progress-grid';
import type { ClassLearner } from '../../../renderer/src/data/progress-grid';
import { OutpostDb } from '../../../renderer/src/db/outpost-db';
import type { VrSessionRow } from '../../../renderer/src/db/rows';
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
import { SUMMARY_BUILD_PAGE } from '../../../renderer/src/db/summaries';
import { VR_SUMMARIES_TABLE } from '../../../renderer/src/db/vr-summaries';
import { openTestDb } from '../../support/fake-db';
import { ALICE, BOB, CHEM_PKG, SAFETY_PKG, TENANT } from '../../support/local-api-fixture';

const alice: ClassLearner = { id: ALICE, name: 'Alice', tenant_id: TENANT };

const session = (n: number, user_id: string, package_id = SAFETY_PKG, extra: Partial<VrSessionRow> = {}): VrSessionRow => ({
  id: `5e550000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  package_id,
  activity_id: null,
  tenant_id: TENANT,
  user_id,
  status: n % 7 === 0 ? 'in_progress' : 'completed',
  completion_mode: 'self_report',
  attempts: 1,
  download_started_at: null,
  download_completed_at: null,
  first_launch_at: new Date(Date.UTC(2026, 2, 2, 8) + n * 1000).toISOString(),
  completed_at: n % 7 === 0 ? null : new Date(Date.UTC(2026, 2, 2, 9) + n * 1000).toISOString(),
  score: n % 7 === 0 ? null : { raw: n % 101, max: 100, scaled: (n % 101) / 100 },
  success_status: n % 7 === 0 ? null : n % 5 ? 'passed' : 'failed',
  time_spent_seconds: n % 7 === 0 ? 0 : 60 * (n % 30),
  self_reported: true,
  created_at: new Date(Date.UTC(2026, 2, 2, 8) + (n % 500) * 1000).toISOString(),
  ...extra,
});

/** Summaries made afresh from every row, in key order. */
function expectedSummaries(rows: readonly VrSessionRow[]): VrSummary[] {
  const pairs = new Map<string, VrSessionRow[]>();
  for (const row of rows) pairs.set(JSON.stringify([row.user_id, row.package_id]), [...(pairs.get(JSON.stringify([row.user_id, row.package_id])) ?? []), row]);
  return [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, group]) => summarize(group)!);
}

describe('VR summaries in the database (schema v17)', () => {
  it('are built by the upgrade from the sessions a version 16 kiosk holds, page by page', async () => {
    const indexedDB = new IDBFactory();
    const v16 = new Dexie('kiosk', { indexedDB, IDBKeyRange });
    for (const [version, schema] of [[1, SCHEMA_V1], [2, SCHEMA_V2], [3, SCHEMA_V3], [4, SCHEMA_V4], [5, SCHEMA_V5], [7, SCHEMA_V7], [8, SCHEMA_V8], [9, SCHEMA_V9], [11, SCHEMA_V11], [12, SCHEMA_V12], [16, SCHEMA_V16]] as const) v16.version(version).stores(schema);
    const rows = Array.from({ length: SUMMARY_BUILD_PAGE + 500 }, (_, n) => session(n, [ALICE, BOB][n % 2]!, [SAFETY_PKG, CHEM_PKG][Math.floor(n / 2) % 2]));
    await v16.table('vrSessions').bulkAdd(rows);
    v16.close();
    const db = new OutpostDb('kiosk', { indexedDB, IDBKeyRange });
    try {
      const built = await db.vrSummaries.toArray();
      expect(built).toHaveLength(4);
      expect(built).toEqual(expectedSummaries(rows));
      expect(built.reduce((sum, s) => sum + s.count, 0)).toBe(rows.length);
      // And kept from then on.
      await db.vrSessions.update(rows[3]!.id, { status: 'completed', time_spent_seconds: 600 });
      expect(await db.vrSummaries.toArray()).toEqual(expectedSummaries(await db.vrSessions.toArray()));
    } finally {
      db.close();
    }
  });

  it('are written in the transaction of every session write: a transaction naming only vrSessions writes them, a rolled-back one leaves them', async () => {
    const db = openTestDb();
    await db.transaction('rw', db.vrSessions, async () => {
      await db.vrSessions.add(session(1, ALICE));
      await db.vrSessions.add(session(2, ALICE, SAFETY_PKG, { created_at: '2026-03-02T10:00:00.000Z', success_status: 'failed' }));
    });
    expect(await db.vrSummaries.toArray()).toEqual(expectedSummaries([session(1, ALICE), session(2, ALICE, SAFETY_PKG, { created_at: '2026-03-02T10:00:00.000Z', success_status: 'failed' })]));
    const before = await db.vrSummaries.toArray();
    await expect(
      db.transaction('rw', db.vrSessions, async () => {
        await db.vrSessions.add(session(3, ALICE));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.vrSummaries.toArray()).toEqual(before);
    await db.vrSessions.clear();
    expect(await db.vrSummaries.count()).toBe(0);
    db.close();
  });

  it('fail the session write loudly when the summaries cannot be written, never committing the session alone', async () => {
    // A layer below that takes the summaries out of every transaction's scope (what forgetting them would be).
    const forgetful: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'ForgetsSummaries',
      level: 0.5,
      create: (down) => ({ transaction: (stores, mode, options) => down.transaction(stores.filter((s) => s !== VR_SUMMARIES_TABLE), mode, options) }),
    };
    const db = openTestDb();
    db.use(forgetful);
    await expect(db.vrSessions.add(session(1, ALICE))).rejects.toThrow(/NotFound|not found|object store/i);
    await expect(db.transaction('rw', db.vrSessions, () => db.vrSessions.put(session(2, BOB)))).rejects.toThrow(/NotFound|not found|object store/i);
    expect(await db.vrSessions.count()).toBe(0);
    db.close();
  });

  it("wake a learner's live query for that learner's change only", async () => {
    const db = openTestDb();
    await db.vrSessions.bulkAdd([session(1, ALICE), session(2, BOB)]);
    const seen: number[] = [];
    const subscription = liveQuery(() => learnerVrSummaries(db, alice)).subscribe((rows) => seen.push(rows.reduce((sum, s) => sum + s.count, 0)));
    try {
      await expect.poll(() => seen).toEqual([1]);
      await db.vrSessions.add(session(3, BOB));
      await db.vrSessions.update(session(2, BOB).id, { time_spent_seconds: 60 });
      await db.vrSessions.add(session(4, ALICE, CHEM_PKG));
      await expect.poll(() => seen).toEqual([1, 2]);
      await db.vrSessions.update(session(1, ALICE).id, { status: 'completed', time_spent_seconds: 61 });
      await expect.poll(() => seen).toEqual([1, 2, 2]);
    } finally {
      subscription.unsubscribe();
      db.close();
    }
  });
});
