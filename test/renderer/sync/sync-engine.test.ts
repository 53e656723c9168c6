import { describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import type { RemotePort } from '../../../renderer/src/sync/sync-engine';
import { ALICE, BOB, CHEM_PKG, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import type { ApiFixture } from '../../support/local-api-fixture';
import { remoteSessionId, scriptedRemote, until } from '../../support/scripted-remote';

async function startAndComplete(f: ApiFixture, user: string, pkg: string) {
  const token = await f.token(user);
  const created = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: pkg } });
  await f.call('POST', `/api/vr-sessions/${created.body.session.id}/complete`, { token, body: { score: 80 } });
  return created.body.session.id as string;
}

function engine(f: ApiFixture, port: RemotePort, concurrency = 4) {
  return new SyncEngine({ db: f.db, remote: port, now: () => f.clock.now, monotonic: () => f.clock.now.getTime(), random: () => 0.5, concurrency });
}

describe('SyncEngine', () => {
  it('creates before it completes, rewriting local ids to the remote ones, with keys and learners on every request', async () => {
    const f = await createApiFixture();
    const local = await startAndComplete(f, ALICE, SAFETY_PKG);
    const remote = scriptedRemote();
    expect(await engine(f, remote.port).drain()).toEqual({ state: 'idle', delivered: 3, dead: 0, waiting: 0 });
    expect(remote.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'POST /api/vr-sessions',
      `POST /api/vr-sessions/${remoteSessionId(1)}/complete`,
      'POST /statements',
    ]);
    expect(remote.requests.every((r) => r.on_behalf_of === ALICE && typeof r.idempotency_key === 'string')).toBe(true);
    expect(await f.db.idMap.get(['vr_session', local])).toMatchObject({ remote_id: remoteSessionId(1) });
    // The local record keeps its own id.
    expect(await f.db.vrSessions.get(local)).toBeDefined();
  });

  it('keeps at most `concurrency` requests in flight and never two for one record', async () => {
    const f = await createApiFixture();
    for (const user of [ALICE, BOB]) for (const pkg of [SAFETY_PKG, CHEM_PKG]) await startAndComplete(f, user, pkg);
    const remote = scriptedRemote();
    const result = await engine(f, remote.port, 2).drain();
    expect(result.delivered).toBe(12);
    expect(remote.maxInFlight()).toBe(2);
  });

  it('retries transport failures and 5xx with backoff, then delivers', async () => {
    const f = await createApiFixture();
    await startAndComplete(f, ALICE, SAFETY_PKG);
    const remote = scriptedRemote((_req, n) => (n === 1 ? { kind: 'network', message: 'ECONNRESET' } : n === 2 ? { kind: 'response', status: 503, body: {} } : undefined));
    const sync = engine(f, remote.port);
    expect(await sync.drain()).toMatchObject({ delivered: 0, waiting: 3 });
    const [op] = await f.db.outbox.orderBy('seq').toArray();
    expect(op).toMatchObject({ status: 'pending', attempts: 1, last_error: { message: 'ECONNRESET' } });
    expect(Date.parse(op!.next_attempt_at) - f.clock.now.getTime()).toBe(500);
    f.clock.now = new Date(f.clock.now.getTime() + 60_000);
    await sync.drain();
    f.clock.now = new Date(f.clock.now.getTime() + 60_000);
    expect(await sync.drain()).toMatchObject({ state: 'idle', waiting: 0 });
    // Same key on every attempt of the same operation.
    const creates = remote.requests.filter((r) => r.path === '/api/vr-sessions');
    expect(new Set(creates.map((r) => r.idempotency_key)).size).toBe(1);
  });

  it('pauses on 401 and leaves everything queued', async () => {
    const f = await createApiFixture();
    await startAndComplete(f, ALICE, SAFETY_PKG);
    let signedIn = false;
    const remote = scriptedRemote(() => (signedIn ? undefined : { kind: 'response', status: 401, body: { error: 'Authentication required', code: 'UNAUTHORIZED' } }));
    const sync = engine(f, remote.port);
    expect(await sync.drain()).toEqual({ state: 'paused_auth', delivered: 0, dead: 0, waiting: 3 });
    expect(await f.db.outbox.where('status').equals('pending').count()).toBe(3);
    signedIn = true;
    expect(await sync.drain()).toMatchObject({ state: 'idle', delivered: 3 });
  });

  it('turns a permanent 4xx into a dead letter, holds what depends on it, and treats ALREADY_COMPLETED as delivered', async () => {
    const f = await createApiFixture();
    await startAndComplete(f, ALICE, SAFETY_PKG);
    await startAndComplete(f, BOB, SAFETY_PKG);
    const remote = scriptedRemote((req) => {
      if (req.on_behalf_of === ALICE && req.path === '/api/vr-sessions') return { kind: 'response', status: 400, body: { error: 'Invalid request body', code: 'VALIDATION_ERROR' } };
      if (req.on_behalf_of === BOB && req.path.endsWith('/complete')) return { kind: 'response', status: 400, body: { error: 'Session is already completed', code: 'ALREADY_COMPLETED' } };
      return undefined;
    });
    const result = await engine(f, remote.port).drain();
    expect(result).toEqual({ state: 'idle', delivered: 3, dead: 1, waiting: 2 });
    const dead = await f.db.outbox.where('status').equals('dead').toArray();
    expect(dead).toEqual([expect.objectContaining({ kind: 'vr_session.create', last_error: { status: 400, code: 'VALIDATION_ERROR', message: 'Invalid request body' } })]);
  });

  it('resends what was in flight when the app died, with the same idempotency key', async () => {
    const f = await createApiFixture();
    await startAndComplete(f, ALICE, SAFETY_PKG);
    const [first] = await f.db.outbox.orderBy('seq').toArray();
    await f.db.outbox.update(first!.seq!, { status: 'in_flight' });
    const remote = scriptedRemote();
    expect(await engine(f, remote.port).drain()).toMatchObject({ delivered: 3 });
    expect(remote.requests[0]?.idempotency_key).toBe(first?.idempotency_key);
  });

  it('ignores a late answer to a drain that was superseded (another window, or a process that died)', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stale: RemotePort = async () => {
      await gate;
      return { kind: 'network', message: 'socket hang up' };
    };
    const first = engine(f, stale).drain();
    await until(async () => (await f.db.outbox.where('status').equals('in_flight').count()) === 1);
    expect(await engine(f, scriptedRemote().port).drain()).toMatchObject({ delivered: 1, waiting: 0 });
    release();
    expect(await first).toMatchObject({ delivered: 0, waiting: 0 });
    expect(await f.db.outbox.toArray()).toEqual([expect.objectContaining({ status: 'done', claimed_by: null })]);
  });

  it('goes offline without an API configured', async () => {
    const f = await createApiFixture();
    await startAndComplete(f, ALICE, SAFETY_PKG);
    const remote = scriptedRemote(() => ({ kind: 'not_configured' }));
    expect(await engine(f, remote.port).drain()).toMatchObject({ state: 'offline', waiting: 3 });
  });
});
