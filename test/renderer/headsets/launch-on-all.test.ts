import { describe, expect, it } from 'vitest';
import type { LaunchResult } from '../../../shared/headsets/sideload-contract';
import { fail, ok } from '../../../shared/ipc/result';
import type { Result } from '../../../shared/ipc/result';
import { launchOnAll, launchTargets } from '../../../renderer/src/headsets/launch-on-all';
import { recordSideloadUpdate } from '../../../renderer/src/data/sideload-jobs';
import { ALICE, BOB, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import { headsetRow, importedPackage, successfulInstall } from './headset-fixtures';

const installed = [{ package_name: 'org.example.safety', version_code: 7 }];
const confirmedAt = '2026-03-02T09:10:00.000Z';

function fakeLauncher(replies: Record<string, Result<LaunchResult>>) {
  const asked: string[] = [];
  const activities: Array<string | null> = [];
  return {
    asked,
    activities,
    ipc: {
      async invoke(_channel: 'headsets:launch', payload: { serial: string; launch_activity: string | null }) {
        asked.push(payload.serial);
        activities.push(payload.launch_activity);
        return replies[payload.serial] ?? ok({ ok: true as const, serial: payload.serial, via: 'monkey' as const, confirmed_at: confirmedAt });
      },
    },
  };
}

describe('launchTargets', () => {
  it('is every connected headset with the app, at any version', () => {
    const cart = [
      headsetRow('q3', 'device', 'Quest 3', installed),
      headsetRow('q2', 'device', 'Quest 2', [{ package_name: 'org.example.safety', version_code: 5 }]),
      headsetRow('q3s', 'device', 'Quest 3S'),
      headsetRow('gone', 'disconnected', 'Quest 3', installed),
    ];
    expect(launchTargets('org.example.safety', cart).map((h) => h.serial)).toEqual(['q3', 'q2']);
  });
});

describe('launchOnAll', () => {
  it("asks for the manifest's launcher activity when the import recorded one, so am start -W can be used", async () => {
    const f = await createApiFixture();
    const launcher = fakeLauncher({});
    const cart = [headsetRow('q3', 'device', 'Quest 3', installed)];
    await launchOnAll(launcher.ipc, f.deps, { ...importedPackage, launch_activity: 'org.example.safety.MainActivity' }, cart, { q3: null });
    await launchOnAll(launcher.ipc, f.deps, { ...importedPackage, launch_activity: undefined }, cart, { q3: null });
    expect(launcher.activities).toEqual(['org.example.safety.MainActivity', null]);
  });

  it('starts the assigned session on a confirmed launch and reports each headset', async () => {
    const f = await createApiFixture();
    const alice = (await f.call('POST', '/api/vr-sessions', { token: await f.token(ALICE), body: { package_id: SAFETY_PKG } })).body.session.id as string;
    for (const update of successfulInstall(alice)) await recordSideloadUpdate(f.deps, { ...update, serial: 'q3' });
    const launcher = fakeLauncher({ q2: ok({ ok: false, serial: 'q2', code: 'NOT_IN_FOREGROUND', message: 'showing com.oculus.vrshell' }), q3s: fail('UNAVAILABLE', 'lost') });
    const cart = [headsetRow('q3', 'device', 'Quest 3', installed), headsetRow('q2', 'device', 'Quest 2', installed), headsetRow('q3s', 'device', 'Quest 3S', installed)];
    const results = await launchOnAll(launcher.ipc, f.deps, importedPackage, cart, { q3: alice });
    expect(results).toEqual([
      { serial: 'q3', ok: true, sessionStarted: true, cannotReport: false },
      { serial: 'q2', ok: false, code: 'NOT_IN_FOREGROUND', message: 'showing com.oculus.vrshell' },
      { serial: 'q3s', ok: false, code: 'LAUNCH_FAILED', message: 'lost' },
    ]);
    expect(await f.db.vrSessions.get(alice)).toMatchObject({ status: 'in_progress', first_launch_at: confirmedAt });
  });

  it('falls back to the session last installed on the headset, unless the page said nobody', async () => {
    const f = await createApiFixture();
    const bob = (await f.call('POST', '/api/vr-sessions', { token: await f.token(BOB), body: { package_id: SAFETY_PKG } })).body.session.id as string;
    for (const update of successfulInstall(bob)) await recordSideloadUpdate(f.deps, { ...update, serial: 'q3' });
    const cart = [headsetRow('q3', 'device', 'Quest 3', installed)];
    expect(await launchOnAll(fakeLauncher({}).ipc, f.deps, importedPackage, cart, { q3: null })).toEqual([{ serial: 'q3', ok: true, sessionStarted: false, cannotReport: false }]);
    expect(await f.db.vrSessions.get(bob)).toMatchObject({ status: 'downloaded' });
    expect(await launchOnAll(fakeLauncher({}).ipc, f.deps, importedPackage, cart, {})).toEqual([{ serial: 'q3', ok: true, sessionStarted: true, cannotReport: false }]);
    expect(await f.db.vrSessions.get(bob)).toMatchObject({ status: 'in_progress', first_launch_at: confirmedAt });
  });

  it('says when an auto_detect session\'s app was launched without a way to report back', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const alice = (await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG, completion_mode: 'auto_detect' } })).body.session.id as string;
    for (const update of successfulInstall(alice)) await recordSideloadUpdate(f.deps, { ...update, serial: 'q3' });
    const launcher = fakeLauncher({ q3: ok({ ok: true as const, serial: 'q3', via: 'monkey' as const, confirmed_at: confirmedAt, headset_api: 'no_reverse' as const }) });
    const results = await launchOnAll(launcher.ipc, f.deps, importedPackage, [headsetRow('q3', 'device', 'Quest 3', installed)], { q3: alice });
    expect(results).toEqual([{ serial: 'q3', ok: true, sessionStarted: true, cannotReport: true }]);
  });
});
