import { describe, expect, it } from 'vitest';
import type { LaunchResult } from '../../../shared/headsets/sideload-contract';
import { recordSideloadUpdate } from '../../../renderer/src/data/sideload-jobs';
import { recordConfirmedLaunch, sessionInstalledOn } from '../../../renderer/src/headsets/session-launch';
import { ALICE, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import { QUEST3, successfulInstall, updateSequence } from './headset-fixtures';

const confirmed: LaunchResult = { ok: true, serial: QUEST3, via: 'am_start', confirmed_at: '2026-03-02T09:10:00.000Z' };

async function sessionFixture() {
  const f = await createApiFixture();
  const token = await f.token(ALICE);
  const { body } = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
  return { ...f, sessionId: body.session.id as string };
}

describe('recordConfirmedLaunch', () => {
  it('starts a downloaded session at the confirmation time', async () => {
    const f = await sessionFixture();
    for (const update of successfulInstall(f.sessionId)) await recordSideloadUpdate(f.deps, update);
    expect(await recordConfirmedLaunch(f.deps, f.sessionId, confirmed)).toBe('started');
    expect(await f.db.vrSessions.get(f.sessionId)).toMatchObject({
      status: 'in_progress',
      download_completed_at: '2026-03-02T09:05:00.000Z',
      first_launch_at: '2026-03-02T09:10:00.000Z',
    });
  });

  it('keeps the first launch time on a relaunch', async () => {
    const f = await sessionFixture();
    for (const update of successfulInstall(f.sessionId)) await recordSideloadUpdate(f.deps, update);
    await recordConfirmedLaunch(f.deps, f.sessionId, confirmed);
    expect(await recordConfirmedLaunch(f.deps, f.sessionId, { ...confirmed, confirmed_at: '2026-03-02T09:30:00.000Z' })).toBe('unchanged');
    expect(await f.db.vrSessions.get(f.sessionId)).toMatchObject({ status: 'in_progress', first_launch_at: '2026-03-02T09:10:00.000Z' });
  });

  it('stores nothing for a session still downloading, or for a launch that was not confirmed', async () => {
    const f = await sessionFixture();
    expect(await recordConfirmedLaunch(f.deps, f.sessionId, confirmed)).toBe('unchanged');
    expect(await f.db.vrSessions.get(f.sessionId)).toMatchObject({ status: 'downloading', first_launch_at: null });
    for (const update of successfulInstall(f.sessionId)) await recordSideloadUpdate(f.deps, update);
    const notShown: LaunchResult = { ok: false, serial: QUEST3, code: 'NOT_IN_FOREGROUND', message: 'showing com.oculus.vrshell' };
    expect(await recordConfirmedLaunch(f.deps, f.sessionId, notShown)).toBe('unchanged');
    expect(await f.db.vrSessions.get(f.sessionId)).toMatchObject({ status: 'downloaded', first_launch_at: null });
  });

  it('ignores a session that no longer exists', async () => {
    const f = await sessionFixture();
    expect(await recordConfirmedLaunch(f.deps, '5e551011-0000-4000-8000-00000000dead', confirmed)).toBe('unchanged');
  });
});

describe('sessionInstalledOn', () => {
  it('finds the session whose install last reached the headset, ignoring failed ones', async () => {
    const f = await sessionFixture();
    expect(await sessionInstalledOn(f.db, QUEST3, SAFETY_PKG)).toBeNull();
    for (const update of successfulInstall(f.sessionId)) await recordSideloadUpdate(f.deps, update);
    const [failed] = updateSequence('5e551011-0000-4000-8000-000000000002', [{ id: '10b00000-0000-4000-8000-000000000002', status: 'failed', error_code: 'LOW_BATTERY', at: '2026-03-02T10:00:00.000Z' }]);
    await recordSideloadUpdate(f.deps, failed!);
    expect(await sessionInstalledOn(f.db, QUEST3, SAFETY_PKG)).toBe(f.sessionId);
    expect(await sessionInstalledOn(f.db, '127.0.0.1:40002', SAFETY_PKG)).toBeNull();
  });
});
