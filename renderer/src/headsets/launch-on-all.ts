import type { Headset } from '../../../shared/headsets/headset';
import type { LaunchResult } from '../../../shared/headsets/sideload-contract';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { DataPorts } from '../data/data-ports';
import type { VrPackageRow } from '../db/rows';
import { recordSideloadUpdate } from '../data/sideload-jobs';
import type { SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import type { SessionAssignments } from './install-plan';
import { recordConfirmedLaunch, reportsFromHeadset, sessionInstalledOn } from './session-launch';

export interface LaunchChannels {
  invoke(channel: 'headsets:launch', payload: RequestOf<'headsets:launch'>): Promise<Result<LaunchResult>>;
  invoke(channel: 'sideload:jobs', payload: Record<string, never>): Promise<Result<{ jobs: SideloadUpdate[] }>>;
}

export type HeadsetLaunch =
  | { readonly serial: string; readonly ok: true; readonly sessionStarted: boolean; /** An auto_detect session whose app has no way to report back. */ readonly cannotReport: boolean }
  | { readonly serial: string; readonly ok: false; readonly code: string; readonly message: string };

/** Connected headsets that have the app at all (any version: an older copy still runs the lesson). */
export function launchTargets(packageName: string, headsets: readonly Headset[]): Headset[] {
  return headsets.filter((h) => h.state === 'device' && h.installed.some((p) => p.package_name === packageName));
}

/**
 * "Launch on all": every target in parallel, each confirmed by main only once the app is in the
 * foreground. A confirmed launch starts the session assigned to that headset; with no assignment on the
 * page, the session whose install last reached the headset is the one being played.
 */
export async function launchOnAll(ipc: LaunchChannels, ports: DataPorts, pkg: VrPackageRow, headsets: readonly Headset[], sessions: SessionAssignments): Promise<HeadsetLaunch[]> {
  const packageName = pkg.package_name;
  if (!packageName) return [];
  await recordFinishedInstalls(ipc, ports, new Set(headsets.map((h) => h.serial)));
  return Promise.all(
    launchTargets(packageName, headsets).map(async ({ serial }): Promise<HeadsetLaunch> => {
      const assigned = sessions[serial];
      const sessionId = assigned === undefined ? await sessionInstalledOn(ports.db, serial, pkg.id) : assigned;
      // An auto_detect session's app gets a launch token and a reverse port to report to (docs/api/headset-api.md).
      const reporting = sessionId !== null && (await reportsFromHeadset(ports.db, sessionId));
      const request = { serial, package_name: packageName, launch_activity: pkg.launch_activity ?? null, ...(reporting && sessionId ? { headset_api_session_id: sessionId } : {}) };
      const reply = await ipc.invoke('headsets:launch', request);
      if (!reply.ok) return { serial, ok: false, code: 'LAUNCH_FAILED', message: reply.error.message };
      const result = reply.value;
      if (!result.ok) return { serial, ok: false, code: result.code, message: result.message };
      const record = sessionId ? await recordConfirmedLaunch(ports, sessionId, result) : 'unchanged';
      return { serial, ok: true, sessionStarted: record === 'started', cannotReport: reporting && result.headset_api !== undefined && result.headset_api !== 'ready' };
    }),
  );
}

/**
 * The headset list can show an install as done before this window has written main's "done" event (the
 * two travel separately), and a launch recorded against a session still `downloading` would leave it
 * behind for good. So main's latest job updates for these headsets are recorded first; the record is
 * idempotent and never lets an older update undo a newer one.
 */
async function recordFinishedInstalls(ipc: LaunchChannels, ports: DataPorts, serials: ReadonlySet<string>): Promise<void> {
  const reply = await ipc.invoke('sideload:jobs', {});
  if (!reply.ok) return;
  const mine = reply.value.jobs.filter((job) => serials.has(job.serial)).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const update of mine) await recordSideloadUpdate(ports, update);
}
