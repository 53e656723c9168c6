import { describe, expect, it } from 'vitest';
import type { LaunchResult, SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import type { RequestOf } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/result';
import type { Result } from '../../../shared/ipc/result';
import { launchOnAll, launchTargets } from '../../../renderer/src/headsets/launch-on-all';
import { recordSideloadUpdate } from '../../../renderer/src/data/sideload-jobs';
import { ALICE, BOB, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import { headsetRow, importedPackage, successfulInstall } from './headset-fixtures';

const installed = [{ package_name: 'org.example.safety', version_code: 7 }];
const confirmedAt = '2026-03-02T09:10:00.000Z';

/** Main's side: launches answered per headset, and the latest update of each sideload job it knows. */
function fakeLauncher(replies: Record<string, Result<LaunchResult>>, jobs: Result<{ jobs: SideloadUpdate[] }> = ok({ jobs: [] })) {
  const asked: string[] = [];
  const activities: Array<string | null> = [];
  async function invoke(channel: 'headsets:launch', payload: RequestOf<'headsets:launch'>): Promise<Result<LaunchResult>>;
  async function invoke(channel: 'sideload:jobs', payload: Record<string, never>): Promise<Result<{ jobs: SideloadUpdate[] }>>;
  async function invoke(channel: string, payload: unknown): Promise<Result<unknown>> {
    if (channel === 'sideload:jobs') return jobs;
    const launch = payload as RequestOf<'headsets:launch'>;
    asked.push(launch.serial);
    activities.push(launch.launch_activity);
    return replies[launch.serial] ?? ok({ ok: true as const, serial: launch.serial, via: 'monkey' as const, confirmed_at: confirmedAt });
  }
  return { asked, activities, ipc: { invoke } };
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

  it("records main's finished install first, so a launch the window raced still starts the learner's session", async () => {
    const f = await createApiFixture();
    const alice = (await f.call('POST', '/api/vr-sessions', { token: await f.token(ALICE), body: { package_id: SAFETY_PKG } })).body.session.id as string;
    const updates = successfulInstall(alice).map((update) => ({ ...update, serial: 'q3' }));
    // This window has seen the transfer, not yet the "done" that the headset list already shows.
    for (const update of updates.slice(0, 3)) await recordSideloadUpdate(f.deps, update);
    expect(await f.db.vrSessions.get(alice)).toMatchObject({ status: 'downloading' });
    const other = { ...updates.at(-1)!, id: '10b00000-0000-4000-8000-000000000002', serial: 'elsewhere', vr_session_id: null };
    const launcher = fakeLauncher({}, ok({ jobs: [other, updates.at(-1)!] }));
    const results = await launchOnAll(launcher.ipc, f.deps, importedPackage, [headsetRow('q3', 'device', 'Quest 3', installed)], { q3: alice });
    expect(results).toEqual([{ serial: 'q3', ok: true, sessionStarted: true, cannotReport: false }]);
    expect(await f.db.vrSessions.get(alice)).toMatchObject({ status: 'in_progress', download_completed_at: '2026-03-02T09:05:00.000Z', first_launch_at: confirmedAt });
    // Only the launched headsets' jobs are written.
    expect(await f.db.sideloadJobs.get(other.id)).toBeUndefined();
    // A late copy of an older event cannot undo it.
    await recordSideloadUpdate(f.deps, updates[2]!);
    expect(await f.db.sideloadJobs.get(updates[0]!.id)).toMatchObject({ status: 'done' });
  });

  it("launches anyway when main cannot list its jobs: the session moves only if this window already saw the install", async () => {
    const f = await createApiFixture();
    const alice = (await f.call('POST', '/api/vr-sessions', { token: await f.token(ALICE), body: { package_id: SAFETY_PKG } })).body.session.id as string;
    const launcher = fakeLauncher({}, fail('UNAVAILABLE', 'main is restarting'));
    const results = await launchOnAll(launcher.ipc, f.deps, importedPackage, [headsetRow('q3', 'device', 'Quest 3', installed)], { q3: alice });
    expect(launcher.asked).toEqual(['q3']);
    expect(results).toEqual([{ serial: 'q3', ok: true, sessionStarted: false, cannotReport: false }]);
    expect(await f.db.vrSessions.get(alice)).toMatchObject({ status: 'downloading' });
  });
});
