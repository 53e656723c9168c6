import { describe, expect, it } from 'vitest';
import { OutboxCountTracker } from '../../../renderer/src/sync/outbox-counts';
import { queueOperation } from '../../../renderer/src/data/outbox-writer';
import { openTestDb } from '../../support/fake-db';

const ports = (db: ReturnType<typeof openTestDb>) => ({ db, now: () => new Date('2026-03-02T09:00:00.000Z'), newId: () => crypto.randomUUID() });
const entry = { kind: 'vr_session.create', entity_id: 'e', method: 'POST' as const, path: '/api/vr-sessions', body: {}, acting_user_id: null };

describe('OutboxCountTracker', () => {
  it('follows each committed write by its own change, and ignores a transaction that rolled back', async () => {
    const db = openTestDb('counts');
    const tracker = new OutboxCountTracker(db);
    const seen: Array<[number, number, boolean]> = [];
    tracker.subscribe((counts, grew) => seen.push([counts.pending, counts.dead, grew]));
    tracker.start();
    const a = await queueOperation(ports(db), entry);
    const b = await queueOperation(ports(db), entry);
    await queueOperation(ports(db), { ...entry, held_reason: 'remote_extension_unsupported' });
    expect(tracker.counts).toEqual({ pending: 2, dead: 0 });
    await db.outbox.update(a.seq!, { status: 'in_flight' });
    await db.outbox.update(a.seq!, { status: 'dead' });
    expect(tracker.counts).toEqual({ pending: 1, dead: 1 });
    await db.outbox.update(a.seq!, { status: 'pending' });
    expect(seen.at(-1)).toEqual([2, 0, true]);
    await db.outbox.delete(b.seq!);
    expect(tracker.counts).toEqual({ pending: 1, dead: 0 });
    await expect(
      db.transaction('rw', db.outbox, async () => {
        await queueOperation(ports(db), entry);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(tracker.counts).toEqual({ pending: 1, dead: 0 });
    expect(await tracker.recount()).toEqual({ pending: 1, dead: 0 });
    tracker.stop();
    await queueOperation(ports(db), entry);
    expect(tracker.counts).toEqual({ pending: 1, dead: 0 });
  });
});
