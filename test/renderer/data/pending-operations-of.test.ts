import { describe, expect, it } from 'vitest';
import { pendingOperationOf, pendingOperationsOf, queueOperation } from '../../../renderer/src/data/outbox-writer';
import { openTestDb } from '../../support/fake-db';

const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const BOB = 'b0b00000-0000-4000-8000-000000000002';
const ports = (db: ReturnType<typeof openTestDb>) => ({ db, now: () => new Date('2026-03-02T09:00:00.000Z'), newId: () => crypto.randomUUID() });
const complete = (entity: string, user: string) => ({ kind: 'vr_session.complete', entity_id: entity, method: 'POST' as const, path: `/api/vr-sessions/${entity}/complete`, body: {}, acting_user_id: user });

describe('pendingOperationsOf', () => {
  it('answers for many entities what pendingOperationOf answers for each: the first undelivered operation of the kind', async () => {
    const db = openTestDb('pending-ops');
    const p = ports(db);
    const delivered = await queueOperation(p, complete('s1', ALICE));
    await db.outbox.update(delivered.seq!, { status: 'done' });
    await queueOperation(p, complete('s2', ALICE));
    const refused = await queueOperation(p, complete('s3', ALICE));
    await db.outbox.update(refused.seq!, { status: 'dead' });
    await queueOperation(p, { ...complete('s4', ALICE), held_reason: 'local_package' });
    const flying = await queueOperation(p, complete('s5', ALICE));
    await db.outbox.update(flying.seq!, { status: 'in_flight' });
    // A second one for s2 (recorded later) and another kind on s5: the first of the kind wins, others are ignored.
    await queueOperation(p, complete('s2', ALICE));
    await queueOperation(p, { ...complete('s5', ALICE), kind: 'xapi.statement' });
    // Bob's completions are not Alice's.
    await queueOperation(p, complete('s6', BOB));

    const asked = ['s1', 's2', 's3', 's4', 's5', 's6', 'nothing'];
    const many = await pendingOperationsOf(db, ALICE, 'vr_session.complete', asked);
    const one = Object.fromEntries(await Promise.all(asked.filter((id) => id !== 's6').map(async (id) => [id, (await pendingOperationOf(db, id, 'vr_session.complete'))?.id])));
    expect(Object.fromEntries([...many].map(([id, op]) => [id, op.id]))).toEqual(Object.fromEntries(Object.entries(one).filter(([, op]) => op !== undefined)));
    expect([...many.keys()].sort()).toEqual(['s2', 's3', 's4', 's5']);
    expect(await pendingOperationsOf(db, ALICE, 'vr_session.complete', [])).toEqual(new Map());
  });
});
