import { describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { SyncScheduler } from '../../../renderer/src/sync/sync-scheduler';
import { ALICE, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import { scriptedRemote } from '../../support/scripted-remote';

describe('SyncScheduler and refused operations', () => {
  it('rests while the only pending operations wait on a refused one', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const created = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    await f.call('POST', `/api/vr-sessions/${created.body.session.id}/complete`, { token, body: {} });
    const remote = scriptedRemote((req) => (req.path === '/api/vr-sessions' ? { kind: 'response', status: 404, body: { code: 'PACKAGE_NOT_FOUND', error: 'VR package not found' } } : undefined));
    const engine = new SyncEngine({ db: f.db, remote: remote.port, now: () => new Date(), random: () => 0, concurrency: 4 });
    let drains = 0;
    const drain = engine.drain.bind(engine);
    engine.drain = (onProgress) => ((drains += 1), drain(onProgress));
    const online = { configured: true, reachable: true, signed_in: true, checked_at: null };
    const scheduler = new SyncScheduler({ db: f.db, engine, checkRemote: async () => online, onRemoteStatus: () => () => undefined, pullCatalog: async () => ({ ok: false, reason: 'offline', message: '' }), now: () => new Date(), lastSuccess: { get: () => null, set: () => undefined } });
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    scheduler.stop();
    expect(remote.requests).toHaveLength(1);
    expect(drains).toBeLessThan(5);
  });
});
