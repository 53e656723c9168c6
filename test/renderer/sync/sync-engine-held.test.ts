import { describe, expect, it } from 'vitest';
import { recordSideloadUpdate } from '../../../renderer/src/data/sideload-jobs';
import { markLaunched } from '../../../renderer/src/data/vr-session-steps';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import type { RemotePort } from '../../../renderer/src/sync/sync-engine';
import { ALICE, BOB, CHEM_PKG, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import type { ApiFixture } from '../../support/local-api-fixture';
import { remoteSessionId, scriptedRemote } from '../../support/scripted-remote';
import { successfulInstall } from '../headsets/headset-fixtures';

const unknownPackage = { kind: 'response', status: 404, body: { error: 'VR package not found', code: 'PACKAGE_NOT_FOUND' } } as const;

function engine(f: ApiFixture, port: RemotePort, concurrency = 4) {
  return new SyncEngine({ db: f.db, remote: port, now: () => f.clock.now, monotonic: () => f.clock.now.getTime(), random: () => 0.5, concurrency });
}

async function start(f: ApiFixture, user: string, pkg: string) {
  const token = await f.token(user);
  const created = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: pkg } });
  return { token, id: created.body.session.id as string };
}

async function complete(f: ApiFixture, session: { token: string; id: string }) {
  await f.call('POST', `/api/vr-sessions/${session.id}/complete`, { token: session.token, body: { score: 80 } });
}

describe('SyncEngine and held operations', () => {
  it('a remote without the steps\' PATCH is asked once (one step), then the steps stay held; nothing waits on them', async () => {
    const f = await createApiFixture();
    const session = await start(f, ALICE, SAFETY_PKG);
    for (const update of successfulInstall(session.id)) await recordSideloadUpdate(f.deps, update);
    await markLaunched(f.deps, session.id, new Date('2026-03-02T09:10:00.000Z'));
    await complete(f, session);
    const ops = await f.db.outbox.orderBy('seq').toArray();
    expect(ops.map((op) => `${op.kind}:${op.status}`)).toEqual([
      'vr_session.create:pending',
      'vr_session.step:held',
      'vr_session.step:held',
      'vr_session.complete:pending',
      'xapi.statement:pending',
    ]);
    const [create, , , completeOp] = ops;
    // The complete depends on the create only, never on a held step.
    expect(completeOp?.depends_on).toEqual([create?.id]);

    const remote = scriptedRemote((req) => (req.method === 'PATCH' ? { kind: 'response', status: 404, body: { error: 'Not found' } } : undefined));
    const sync = engine(f, remote.port);
    expect(await sync.drain()).toEqual({ state: 'idle', delivered: 3, dead: 0, waiting: 0 });
    expect(remote.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'POST', 'POST']);
    expect(sync.steps.support).toBe('unsupported');
    const steps = await f.db.outbox.where('status').equals('held').toArray();
    expect(steps.map((op) => `${op.kind}:${op.held_reason}`)).toEqual(['vr_session.step:remote_extension_unsupported', 'vr_session.step:remote_extension_unsupported']);
    // Known now: a second drain sends no step at all.
    expect(await sync.drain()).toEqual({ state: 'idle', delivered: 0, dead: 0, waiting: 0 });
    expect(remote.requests).toHaveLength(4);
  });

  it('a remote with the PATCH gets every step, in order after the create', async () => {
    const f = await createApiFixture();
    const session = await start(f, ALICE, SAFETY_PKG);
    for (const update of successfulInstall(session.id)) await recordSideloadUpdate(f.deps, update);
    await markLaunched(f.deps, session.id, new Date('2026-03-02T09:10:00.000Z'));
    const remote = scriptedRemote();
    const sync = engine(f, remote.port);
    await sync.drain();
    expect(sync.steps.support).toBe('supported');
    await sync.drain();
    expect(remote.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/vr-sessions', `PATCH /api/vr-sessions/${remoteSessionId(1)}`, `PATCH /api/vr-sessions/${remoteSessionId(1)}`]);
    expect(remote.requests.slice(1).map((r) => (r.body as { status: string }).status)).toEqual(['downloaded', 'in_progress']);
    expect(await f.db.outbox.where('status').equals('held').count()).toBe(0);
  });

  it('holds a create the remote refuses with PACKAGE_NOT_FOUND, with its session\'s later operations, instead of dead letters', async () => {
    const f = await createApiFixture();
    await complete(f, await start(f, ALICE, SAFETY_PKG));
    await complete(f, await start(f, BOB, CHEM_PKG));
    const remote = scriptedRemote((req) => ((req.body as { package_id?: string } | undefined)?.package_id === SAFETY_PKG ? unknownPackage : undefined));
    expect(await engine(f, remote.port, 1).drain()).toEqual({ state: 'idle', delivered: 3, dead: 0, waiting: 0 });
    expect(remote.requests.filter((r) => (r.body as { package_id?: string } | undefined)?.package_id === SAFETY_PKG)).toHaveLength(1);
    const held = await f.db.outbox.where('status').equals('held').toArray();
    expect(held.map((op) => `${op.kind}:${op.held_reason}`).sort()).toEqual(['vr_session.complete:local_package', 'vr_session.create:local_package', 'xapi.statement:local_package']);
    expect(await f.db.outbox.where('status').equals('dead').count()).toBe(0);
    expect(await f.db.vrPackages.get(SAFETY_PKG)).toMatchObject({ origin: 'local' });

    // The package is local now: a new session's create is held from the start, and sync never sends it.
    await start(f, BOB, SAFETY_PKG);
    expect(await f.db.outbox.where('status').equals('held').count()).toBe(4);
    expect(await engine(f, remote.port).drain()).toEqual({ state: 'idle', delivered: 0, dead: 0, waiting: 0 });
    expect(remote.requests).toHaveLength(4);
  });

  it('holds the same package\'s other creates queued in the same drain without sending them', async () => {
    const f = await createApiFixture();
    await start(f, ALICE, SAFETY_PKG);
    await start(f, BOB, SAFETY_PKG);
    const remote = scriptedRemote((req) => ((req.body as { package_id?: string } | undefined)?.package_id === SAFETY_PKG ? unknownPackage : undefined));
    expect(await engine(f, remote.port, 1).drain()).toEqual({ state: 'idle', delivered: 0, dead: 0, waiting: 0 });
    expect(remote.requests).toHaveLength(1);
    expect(await f.db.outbox.where('status').equals('held').count()).toBe(2);
  });

  it('still turns PACKAGE_NOT_FOUND into a dead letter for anything but a VR session create', async () => {
    const f = await createApiFixture();
    await complete(f, await start(f, ALICE, SAFETY_PKG));
    const remote = scriptedRemote((req) => (req.path.endsWith('/complete') ? unknownPackage : undefined));
    expect(await engine(f, remote.port).drain()).toMatchObject({ delivered: 1, dead: 1 });
  });
});
