import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteRequest, RemoteResult, RemoteStatus } from '../../../shared/sync/remote-contract';
import { pullCatalog } from '../../../renderer/src/sync/catalog-pull';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { SyncScheduler } from '../../../renderer/src/sync/sync-scheduler';
import { ALICE, BOB, SAFETY_PKG, TENANT, createApiFixture } from '../../support/local-api-fixture';
import { ManualTimers } from '../../support/manual-timers';
import { remoteSessionId, scriptedRemote, until } from '../../support/scripted-remote';

const offline: RemoteStatus = { configured: true, reachable: false, signed_in: true, checked_at: null };
const online: RemoteStatus = { ...offline, reachable: true };

let scheduler: SyncScheduler | undefined;
afterEach(() => scheduler?.stop());

async function setup(script: (req: RemoteRequest) => RemoteResult | undefined = () => undefined) {
  const f = await createApiFixture();
  const remote = scriptedRemote((req) => {
    const scripted = script(req);
    if (scripted) return scripted;
    if (req.path === '/api/roster') return { kind: 'response', status: 200, body: { tenant_id: TENANT, learners: [{ id: ALICE, display_name: 'Alice W.', role: 'learner' }] } };
    if (req.path === '/api/vr-packages') return { kind: 'response', status: 200, body: { packages: [{ id: SAFETY_PKG, title: 'Safety Training VR 2', version: '2.0.0', target_platforms: ['quest3', 'vision_pro'] }, { id: 'not-a-uuid' }] } };
    if (req.path === '/api/activities') return { kind: 'response', status: 200, body: { activities: [] } };
    if (req.path === '/api/lessons') return { kind: 'response', status: 200, body: { lessons: [] } };
    return undefined;
  });
  let status = offline;
  const listeners = new Set<(s: RemoteStatus) => void>();
  let lastSuccess: string | null = null;
  const timers = new ManualTimers(f.clock);
  scheduler = new SyncScheduler({
    db: f.db,
    engine: new SyncEngine({ db: f.db, remote: remote.port, now: () => f.clock.now, monotonic: () => f.clock.now.getTime(), random: () => 0, concurrency: 4 }),
    checkRemote: async () => status,
    onRemoteStatus: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pullCatalog: () => pullCatalog({ db: f.db, now: () => f.clock.now, newId: () => crypto.randomUUID() }, remote.port),
    now: () => f.clock.now,
    timers,
    lastSuccess: { get: () => lastSuccess, set: (at) => (lastSuccess = at) },
    probeMs: { offline: 60_000, online: 60_000 },
  });
  const goOnline = () => {
    status = online;
    for (const listener of listeners) listener(online);
  };
  const s = scheduler;
  // Moves time on, letting the probes and drains each timer starts finish before the next fires.
  const advance = (ms: number) => timers.advance(ms, () => s.settled());
  return { f, remote, goOnline, timers, advance };
}

describe('SyncScheduler', () => {
  it('holds writes while offline and sends them by itself once the API answers', async () => {
    const { f, remote, goOnline, timers, advance } = await setup();
    scheduler!.start();
    await scheduler!.settled();
    const token = await f.token(ALICE);
    await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    await until(() => scheduler!.snapshot.pending === 1);
    // A minute offline: probes only, nothing sent.
    await advance(60_000);
    expect(remote.requests).toEqual([]);
    expect(scheduler!.snapshot.state).toBe('offline');

    goOnline();
    await advance(0);
    await until(() => scheduler!.snapshot.pending === 0);
    expect(scheduler!.snapshot.state).toBe('idle');
    expect(remote.requests.map((r) => r.path)[0]).toBe('/api/vr-sessions');
    expect(scheduler!.snapshot.lastSuccessAt).toBe(f.clock.now.toISOString());
    // Coming online also refreshes the catalog, without anyone pressing "Sync now".
    expect(remote.requests.map((r) => r.path)).toContain('/api/roster');

    // Something queued while online goes out shortly after, without anyone pressing a button.
    const created = await f.call('GET', '/api/vr-sessions', { token });
    await f.call('POST', `/api/vr-sessions/${created.body.sessions[0].id}/complete`, { token, body: {} });
    await until(() => timers.waiting().includes(300));
    await advance(300);
    await until(() => scheduler!.snapshot.pending === 0);
    const writes = remote.requests.filter((r) => r.method !== 'GET').map((r) => r.path);
    expect(writes).toEqual(['/api/vr-sessions', `/api/vr-sessions/${remoteSessionId(1)}/complete`, '/statements']);
  });

  it('wakes when a 503’s Retry-After says: told 30 s, it waits 30,000 ms, sends nothing before, and delivers then', async () => {
    let busy = true;
    const { f, remote, goOnline, timers, advance } = await setup((req) => (busy && req.method === 'POST' && req.path === '/api/vr-sessions' ? ((busy = false), { kind: 'response', status: 503, body: null, retry_after_ms: 30_000 }) : undefined));
    scheduler!.start();
    goOnline();
    await advance(0);
    const token = await f.token(ALICE);
    await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    await until(() => timers.waiting().includes(300));
    await advance(300);
    const creates = () => remote.requests.filter((r) => r.method === 'POST' && r.path === '/api/vr-sessions').length;
    await until(() => creates() === 1);
    await scheduler!.settled();
    // The random backoff (random() is 0 here: 0 ms) loses to the remote's 30 s.
    expect(timers.waiting()).toContain(30_000);
    expect(scheduler!.snapshot.pending).toBe(1);

    await advance(29_999);
    expect(creates()).toBe(1);
    await advance(1);
    await until(() => scheduler!.snapshot.pending === 0);
    expect(creates()).toBe(2);
    expect(await f.db.outbox.where('status').equals('done').count()).toBe(1);
  });

  it('"Sync now" sends, then pulls the catalog, keeping local extras and skipping what it cannot use', async () => {
    const { f, goOnline } = await setup();
    await f.db.vrPackages.update(SAFETY_PKG, { apk_sha256: 'a'.repeat(64) });
    goOnline();
    expect(await scheduler!.syncNow()).toMatchObject({ state: 'idle' });
    // Bob was added on this kiosk: a pull that does not list him never removes him.
    expect(await f.db.learners.orderBy('id').toArray()).toEqual([
      expect.objectContaining({ id: ALICE, display_name: 'Alice W.', source: 'remote' }),
      expect.objectContaining({ id: BOB, display_name: 'Bob Chen' }),
    ]);
    const pkg = await f.db.vrPackages.get(SAFETY_PKG);
    // 'vision_pro' is no platform this build knows, so that package item is refused and the old row stays.
    expect(pkg).toMatchObject({ title: 'Safety Training VR', apk_sha256: 'a'.repeat(64) });
  });
});
