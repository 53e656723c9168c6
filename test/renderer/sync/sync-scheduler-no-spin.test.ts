import { describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { SyncScheduler } from '../../../renderer/src/sync/sync-scheduler';
import { ALICE, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import { ManualTimers } from '../../support/manual-timers';
import { scriptedRemote, until } from '../../support/scripted-remote';

describe('SyncScheduler and refused operations', () => {
  it('rests while the only pending operations wait on a refused one', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const created = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    await f.call('POST', `/api/vr-sessions/${created.body.session.id}/complete`, { token, body: {} });
    const remote = scriptedRemote((req) => (req.path === '/api/vr-sessions' ? { kind: 'response', status: 400, body: { code: 'VALIDATION_ERROR', error: 'Invalid request body' } } : undefined));
    const now = () => f.clock.now;
    const engine = new SyncEngine({ db: f.db, remote: remote.port, now, random: () => 0, concurrency: 4 });
    let drains = 0;
    const drain = engine.drain.bind(engine);
    engine.drain = (onProgress) => ((drains += 1), drain(onProgress));
    const online = { configured: true, reachable: true, signed_in: true, checked_at: null };
    const timers = new ManualTimers(f.clock);
    const scheduler = new SyncScheduler({
      db: f.db,
      engine,
      checkRemote: async () => online,
      onRemoteStatus: () => () => undefined,
      pullCatalog: async () => ({ ok: false, reason: 'offline', message: '' }),
      now,
      timers,
      lastSuccess: { get: () => null, set: () => undefined },
      probeMs: { offline: 20_000, online: 60_000 },
    });
    scheduler.start();
    await until(() => scheduler.snapshot.pending > 0);
    await scheduler.settled();

    // An hour passes: the create is refused once, and what depends on it waits without a drain per probe.
    await timers.advance(3_600_000, () => scheduler.settled());
    expect(remote.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/vr-sessions']);
    expect(drains).toBe(1);
    expect(scheduler.snapshot).toMatchObject({ state: 'idle', dead: 1 });
    // Only the next probe is waiting: no drain timer re-arms itself.
    expect(timers.waiting()).toEqual([60_000]);
    scheduler.stop();
    expect(timers.waiting()).toEqual([]);
  });
});
