import { describe, expect, it } from 'vitest';
import { IdLookup } from '../../../renderer/src/sync/id-lookup';
import type { OutboxRow } from '../../../renderer/src/db/rows';
import { localRef } from '../../../shared/sync/local-ref';
import { openTestDb } from '../../support/fake-db';

const op = (id: string, path: string, body: unknown = null): OutboxRow =>
  ({ id, seq: 1, idempotency_key: id, kind: 'vr_session.complete', entity_id: 'x', method: 'POST', path, body, acting_user_id: null, depends_on: [], status: 'pending', attempts: 0, next_attempt_at: '', last_error: null, created_at: '', updated_at: '' }) as OutboxRow;

describe('IdLookup (a drain’s view of the id map)', () => {
  it('reads only the ids the operations refer to, learns answers, and finds who already stands for a remote id', async () => {
    const db = openTestDb();
    const at = new Date().toISOString();
    await db.idMap.bulkPut(Array.from({ length: 500 }, (_, i) => ({ entity: 'vr_session', local_id: `local-${i}`, remote_id: `remote-${i}`, recorded_at: at })));
    const reads: number[] = [];
    const original = db.idMap.bulkGet.bind(db.idMap);
    db.idMap.bulkGet = ((keys: Parameters<typeof original>[0]) => (reads.push(keys.length), original(keys))) as typeof db.idMap.bulkGet;
    const ids = new IdLookup(db);
    const a = op('a', `/api/vr-sessions/${localRef('vr_session', 'local-7')}/complete`);
    const b = op('b', '/api/lesson-plays', { parent: localRef('vr_session', 'local-unknown') });
    await ids.load([a, b]);
    expect(reads).toEqual([2]);
    expect(ids.get('vr_session', 'local-7')).toBe('remote-7');
    expect(ids.has('vr_session', 'local-unknown')).toBe(false);
    // Operations already seen are not read again.
    await ids.load([a, b]);
    expect(reads).toEqual([2]);
    ids.learn('vr_session', 'local-unknown', 'remote-new', true);
    expect(ids.get('vr_session', 'local-unknown')).toBe('remote-new');
    expect(await ids.ownerOf('vr_session', 'remote-new')).toBe('vr_session:local-unknown');
    expect(await ids.ownerOf('vr_session', 'remote-42')).toBe('vr_session:local-42');
    expect(await ids.ownerOf('lesson_play', 'remote-42')).toBeUndefined();
    expect(await ids.ownerOf('vr_session', 'nobody')).toBeUndefined();
  });
});
