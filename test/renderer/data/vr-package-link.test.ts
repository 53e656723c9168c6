import { describe, expect, it } from 'vitest';
import { linkPackage } from '../../../renderer/src/data/vr-package-link';
import { releaseLocalPackageIfKnown } from '../../../renderer/src/data/vr-package-release';
import { saveImportedPackage } from '../../../renderer/src/data/vr-packages';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { ALICE, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import type { ApiFixture } from '../../support/local-api-fixture';
import { scriptedRemote } from '../../support/scripted-remote';
import { storedApk } from '../library/stored-files';
import { instructorSignedIn } from '../../support/instructor-guards';

/** Alice plays and completes an APK imported on this kiosk; the remote knows it as SAFETY_PKG. */
async function localSession() {
  const f = await createApiFixture();
  const saved = await saveImportedPackage(f.deps, instructorSignedIn(), { apk: storedApk, obbs: [] }, ['quest3']);
  if (!saved.ok) throw new Error(saved.problem);
  const token = await f.token(ALICE);
  const { body } = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: saved.row.id } });
  await f.call('POST', `/api/vr-sessions/${body.session.id}/complete`, { token, body: { score: 75 } });
  await f.db.sideloadJobs.add({ id: crypto.randomUUID(), serial: 'q3', package_id: saved.row.id, vr_session_id: body.session.id, status: 'done', bytes_total: 1, bytes_sent: 1, error_code: null, error_message: null, created_at: '2026-03-02T09:00:00.000Z', updated_at: '2026-03-02T09:00:00.000Z' });
  return { f, localId: saved.row.id, sessionId: body.session.id as string };
}

const drain = (f: ApiFixture, remote: ReturnType<typeof scriptedRemote>) => new SyncEngine({ db: f.db, remote: remote.port, now: () => f.clock.now, random: () => 0, concurrency: 2 }).drain();

describe('linkPackage', () => {
  it('moves the APK details onto the remote package, repoints sessions and jobs, rewrites and releases the held operations', async () => {
    const { f, localId, sessionId } = await localSession();
    expect(await f.db.outbox.where('status').equals('held').count()).toBe(3);
    expect(await linkPackage(f.deps, localId, SAFETY_PKG)).toEqual({ ok: true, released: 3, sessions: 1 });

    expect(await f.db.vrPackages.get(localId)).toBeUndefined();
    expect(await f.db.vrPackages.get(SAFETY_PKG)).toMatchObject({ id: SAFETY_PKG, title: 'Safety Training VR', origin: 'remote', package_name: 'org.example.safety', version_code: 7, apk_sha256: storedApk.sha256 });
    expect(await f.db.vrSessions.get(sessionId)).toMatchObject({ package_id: SAFETY_PKG });
    expect(await f.db.sideloadJobs.where('package_id').equals(SAFETY_PKG).count()).toBe(1);
    const ops = await f.db.outbox.orderBy('seq').toArray();
    expect(ops.every((op) => op.status === 'pending' && op.held_reason === null)).toBe(true);
    expect(JSON.stringify(ops)).not.toContain(localId);

    const remote = scriptedRemote();
    expect(await drain(f, remote)).toMatchObject({ delivered: 3, dead: 0, waiting: 0 });
    expect(remote.requests[0]?.body).toEqual({ package_id: SAFETY_PKG, completion_mode: 'self_report' });
  });

  it('refuses with words what it cannot link, changing nothing', async () => {
    const { f, localId } = await localSession();
    expect(await linkPackage(f.deps, localId, '00000000-0000-4000-8000-00000000beef')).toEqual({ ok: false, error: 'remote_package_not_found' });
    expect(await linkPackage(f.deps, SAFETY_PKG, localId)).toEqual({ ok: false, error: 'not_local' });
    expect(await linkPackage(f.deps, localId, localId)).toEqual({ ok: false, error: 'same_package' });
    expect(await linkPackage(f.deps, '00000000-0000-4000-8000-00000000beef', SAFETY_PKG)).toEqual({ ok: false, error: 'local_package_not_found' });
    expect(await f.db.outbox.where('status').equals('held').count()).toBe(3);
  });
});

describe('releaseLocalPackageIfKnown', () => {
  it('links a local package to the one remote package with its Android package name', async () => {
    const { f, localId } = await localSession();
    expect(await releaseLocalPackageIfKnown(f.deps, [{ id: SAFETY_PKG, package_name: 'org.example.safety' }])).toEqual([{ localId, remoteId: SAFETY_PKG }]);
    expect(await f.db.outbox.where('status').equals('pending').count()).toBe(3);
  });

  it('leaves it held when two remote packages share the name (an instructor chooses)', async () => {
    const { f } = await localSession();
    const twins = [{ id: SAFETY_PKG, package_name: 'org.example.safety' }, { id: '00000000-0000-4000-8000-0000000000aa', package_name: 'org.example.safety' }];
    expect(await releaseLocalPackageIfKnown(f.deps, twins)).toEqual([]);
    expect(await releaseLocalPackageIfKnown(f.deps, [{ id: SAFETY_PKG }])).toEqual([]);
    expect(await f.db.outbox.where('status').equals('held').count()).toBe(3);
  });

  it('releases a package the remote lists under the very same id, without rewriting anything', async () => {
    const { f, localId } = await localSession();
    expect(await releaseLocalPackageIfKnown(f.deps, [{ id: localId }])).toEqual([{ localId, remoteId: localId }]);
    expect(await f.db.vrPackages.get(localId)).toMatchObject({ origin: 'remote' });
    expect(await f.db.outbox.where('status').equals('pending').count()).toBe(3);
  });
});
