import { describe, expect, it } from 'vitest';
import { queueOperation } from '../../../renderer/src/data/outbox-writer';
import { DrainQueue } from '../../../renderer/src/sync/drain-queue';
import { openTestDb } from '../../support/fake-db';

const ports = (db: ReturnType<typeof openTestDb>) => ({ db, now: () => new Date('2026-03-02T09:00:00.000Z'), newId: () => crypto.randomUUID() });
const entry = (n: number) => ({ kind: 'vr_session.create', entity_id: `e${n}`, method: 'POST' as const, path: '/api/vr-sessions', body: { n }, acting_user_id: null });
const names = (queue: DrainQueue) => [...queue.open()].map((op) => op.entity_id);

describe('DrainQueue', () => {
  it('holds a window of the pending operations in recorded order, reads on as the oldest finish, and skips what is not pending', async () => {
    const db = openTestDb('drain-queue');
    const ops = [];
    for (let n = 0; n < 10; n++) ops.push(await queueOperation(ports(db), entry(n)));
    await db.outbox.update(ops[1]!.seq!, { status: 'done' });
    await db.outbox.update(ops[2]!.seq!, { status: 'dead' });
    const queue = await DrainQueue.load(db, 3);
    expect(names(queue)).toEqual(['e0', 'e3', 'e4']);
    expect(queue.remaining).toBe(8);
    queue.finish(ops[0]!.id);
    queue.finish(ops[3]!.id);
    await queue.takeNew();
    expect(names(queue)).toEqual(['e4', 'e5', 'e6']);
    expect(queue.remaining).toBe(6);
  });

  it('reads past a window whose operations all wait, and picks up what is recorded while it runs', async () => {
    const db = openTestDb('drain-queue');
    for (let n = 0; n < 4; n++) await queueOperation(ports(db), entry(n));
    const queue = await DrainQueue.load(db, 2);
    expect(names(queue)).toEqual(['e0', 'e1']);
    // e0 and e1 cannot go (say a retry time): the drain reads further instead of stopping.
    expect(await queue.readMore()).toBe(true);
    expect(names(queue)).toEqual(['e0', 'e1', 'e2', 'e3']);
    expect(await queue.readMore()).toBe(false);
    await queueOperation(ports(db), entry(4));
    expect(await queue.readMore()).toBe(true);
    expect(names(queue)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(queue.remaining).toBe(5);
  });

  it('with nothing pending at load, takes only what is recorded afterwards', async () => {
    const db = openTestDb('drain-queue');
    const old = await queueOperation(ports(db), entry(0));
    await db.outbox.update(old.seq!, { status: 'done' });
    const queue = await DrainQueue.load(db, 5);
    expect(names(queue)).toEqual([]);
    await queueOperation(ports(db), entry(1));
    await queue.takeNew();
    expect(names(queue)).toEqual(['e1']);
  });
});
