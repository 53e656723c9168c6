import { describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { ALICE, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import { remoteSessionId, scriptedRemote } from '../../support/scripted-remote';

const existing = (id: string) => ({ kind: 'response', status: 200, body: { session: { id, package_id: SAFETY_PKG, status: 'downloading', completion_mode: 'self_report', package: { id: SAFETY_PKG, title: 'Safety', version: '1', target_platforms: ['quest3'] } }, message: 'Existing session returned' } }) as const;

describe('SyncEngine and a remote that hands back another attempt’s session', () => {
  it('never maps two local attempts to one remote session: the second becomes a dead letter that says why', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const first = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    await f.call('POST', `/api/vr-sessions/${first.body.session.id}/complete`, { token, body: {} });
    await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    // The first attempt's completion is refused, so the remote still holds it open and returns it again.
    const remote = scriptedRemote((req, n) => (req.path.endsWith('/complete') ? { kind: 'response', status: 400, body: { code: 'VALIDATION_ERROR', error: 'no' } } : req.path === '/api/vr-sessions' && n > 1 ? existing(remoteSessionId(1)) : undefined));
    const engine = new SyncEngine({ db: f.db, remote: remote.port, now: () => f.clock.now, monotonic: () => f.clock.now.getTime(), random: () => 0, concurrency: 1 });
    await engine.drain();
    // The second create waited on the refused completion (the remote has that attempt open): nothing sent.
    expect(remote.requests.filter((r) => r.path === '/api/vr-sessions')).toHaveLength(1);
    // An instructor discards the refused completion; the new attempt goes, and the remote hands back the old session.
    const dead = await f.db.outbox.where('status').equals('dead').first();
    await f.db.outbox.delete(dead!.seq!);
    await engine.drain();
    const creates = await f.db.outbox.orderBy('seq').filter((op) => op.kind === 'vr_session.create').toArray();
    expect(creates.map((op) => op.status)).toEqual(['done', 'dead']);
    expect(creates[1]?.last_error).toMatchObject({ code: 'REMOTE_RECORD_REUSED' });
    expect(await f.db.idMap.count()).toBe(1);
  });
});

describe('SyncEngine and the LRS', () => {
  it('sends a statement to a configured LRS as a one-statement array, with the remote session id as registration', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const created = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    await f.call('POST', `/api/vr-sessions/${created.body.session.id}/complete`, { token, body: { score: 80 } });
    const remote = scriptedRemote((req) => (req.path === '/statements' ? { kind: 'response', status: 200, body: [(req.body as Array<{ id: string }>)[0]!.id] } : undefined));
    const engine = new SyncEngine({ db: f.db, remote: remote.port, now: () => f.clock.now, monotonic: () => f.clock.now.getTime(), random: () => 0, concurrency: 4 });
    expect(await engine.drain()).toMatchObject({ delivered: 3, dead: 0, waiting: 0 });
    const sent = remote.requests.filter((r) => r.path === '/statements');
    expect(sent).toHaveLength(1);
    expect(remote.requests.some((r) => r.path.startsWith('/api/xapi'))).toBe(false);
    const [statement] = sent[0]!.body as Array<{ context: { registration: string; extensions: Record<string, string> } }>;
    expect(statement!.context.registration).toBe(remoteSessionId(1));
    expect(statement!.context.extensions['https://outpost.invalid/xapi/extensions/vr-session-id']).toBe(remoteSessionId(1));
  });
});
