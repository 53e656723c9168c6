import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { OutpostDb } from '../../../renderer/src/db/outpost-db';
import type { OutboxRow, VrSessionRow } from '../../../renderer/src/db/rows';
import { SCHEMA_V1 } from '../../../renderer/src/db/schema-v1';
import { SCHEMA_V2 } from '../../../renderer/src/db/schema-v2';
import { SCHEMA_V3 } from '../../../renderer/src/db/schema-v3';
import { SCHEMA_V4 } from '../../../renderer/src/db/schema-v4';
import { SCHEMA_V5 } from '../../../renderer/src/db/schema-v5';
import { SCHEMA_V7 } from '../../../renderer/src/db/schema-v7';
import { SCHEMA_V11 } from '../../../renderer/src/db/schema-v11';
import { SCHEMA_V16 } from '../../../renderer/src/db/schema-v16';
import { SCHEMA_V17 } from '../../../renderer/src/db/schema-v17';
import { SCHEMA_V19 } from '../../../renderer/src/db/schema-v19';
import { SCHEMA_V20 } from '../../../renderer/src/db/schema-v20';
import { SCHEMA_V22 } from '../../../renderer/src/db/schema-v22';
import { openTestDb } from '../../support/fake-db';

let db: OutpostDb;
afterEach(() => db?.close());

const user = '11111111-1111-4111-8111-111111111111';
const otherUser = '22222222-2222-4222-8222-222222222222';
const pkgA = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const pkgB = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function session(id: string, userId: string, packageId: string, createdAt: string): VrSessionRow {
  return {
    id,
    package_id: packageId,
    activity_id: null,
    tenant_id: '33333333-3333-4333-8333-333333333333',
    user_id: userId,
    status: 'downloading',
    completion_mode: 'self_report',
    attempts: 1,
    download_started_at: createdAt,
    download_completed_at: null,
    first_launch_at: null,
    completed_at: null,
    score: null,
    success_status: null,
    time_spent_seconds: 0,
    self_reported: false,
    created_at: createdAt,
  };
}

function op(id: string, key: string): OutboxRow {
  const now = '2026-01-01T00:00:00.000Z';
  return {
    id,
    idempotency_key: key,
    kind: 'vr_session.create',
    entity_id: 'x',
    method: 'POST',
    path: '/api/vr-sessions',
    body: {},
    acting_user_id: null,
    depends_on: [],
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    created_at: now,
    updated_at: now,
  };
}

describe('OutpostDb', () => {
  it('opens every table of every schema version', async () => {
    db = openTestDb();
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual([...new Set([...Object.keys(SCHEMA_V1), ...Object.keys(SCHEMA_V2), ...Object.keys(SCHEMA_V3), ...Object.keys(SCHEMA_V4), ...Object.keys(SCHEMA_V5), ...Object.keys(SCHEMA_V7), ...Object.keys(SCHEMA_V11), ...Object.keys(SCHEMA_V16), ...Object.keys(SCHEMA_V17), ...Object.keys(SCHEMA_V19), ...Object.keys(SCHEMA_V20), ...Object.keys(SCHEMA_V22)])].sort());
    expect(db.verno).toBe(22);
  });

  it('upgrades a v1 database in place, keeping its rows', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('kiosk', { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('vrPackages').add({ id: pkgA, title: 'Kept', version: '1', target_platforms: ['quest3'] });
    v1.close();
    db = new OutpostDb('kiosk', { indexedDB, IDBKeyRange });
    expect(await db.vrPackages.get(pkgA)).toMatchObject({ title: 'Kept' });
    expect(await db.learners.count()).toBe(0);
  });

  it("answers the VR sessions list filter from the compound index, the caller's rows only", async () => {
    db = openTestDb();
    await db.vrSessions.bulkAdd([
      session('00000000-0000-4000-8000-000000000001', user, pkgA, '2026-01-01T10:00:00.000Z'),
      session('00000000-0000-4000-8000-000000000002', user, pkgB, '2026-01-01T11:00:00.000Z'),
      session('00000000-0000-4000-8000-000000000003', otherUser, pkgA, '2026-01-01T12:00:00.000Z'),
    ]);
    const mine = await db.vrSessions.where('[user_id+package_id]').equals([user, pkgA]).toArray();
    expect(mine.map((s) => s.id)).toEqual(['00000000-0000-4000-8000-000000000001']);
    const newestFirst = await db.vrSessions.where('[user_id+created_at]').between([user, ''], [user, '\uffff']).reverse().toArray();
    expect(newestFirst.map((s) => s.package_id)).toEqual([pkgB, pkgA]);
  });

  it('refuses a second outbox entry with the same idempotency key and keeps the first', async () => {
    db = openTestDb();
    const key = '44444444-4444-4444-8444-444444444444';
    await db.outbox.add(op('55555555-5555-4555-8555-555555555555', key));
    await expect(db.outbox.add(op('66666666-6666-4666-8666-666666666666', key))).rejects.toThrow(/ConstraintError|uniqueness/i);
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => r.id)).toEqual(['55555555-5555-4555-8555-555555555555']);
    expect(rows[0]?.seq).toBe(1);
  });

  it('keeps one progress row per learner and activity', async () => {
    db = openTestDb();
    const row = {
      id: '77777777-7777-4777-8777-777777777777',
      activity_id: pkgA,
      user_id: user,
      status: 'in_progress' as const,
      score: null,
      completed_at: null,
      time_spent_seconds: 0,
      updated_at: '2026-01-01T00:00:00.000Z',
    };
    await db.activityProgress.add(row);
    await expect(db.activityProgress.add({ ...row, id: '88888888-8888-4888-8888-888888888888' })).rejects.toThrow();
  });
});
