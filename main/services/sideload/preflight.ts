import { platformOfModel } from '../../../shared/headsets/quest-platform';
import type { AttachedDevice, HeadsetDetails } from '../headsets/headset-bridge';
import type { SideloadApk, SideloadErrorCode } from './sideload-types';

/** Below this a headset may die mid-install, leaving a half-written package. */
export const MIN_BATTERY_PERCENT = 10;

export type Preflight = { kind: 'go' } | { kind: 'skip' } | { kind: 'refuse'; code: SideloadErrorCode; message: string };

export function deviceProblem(device: AttachedDevice | undefined): Preflight | null {
  if (!device) return { kind: 'refuse', code: 'HEADSET_DISCONNECTED', message: 'The headset is not connected' };
  if (device.state === 'unauthorized') {
    return { kind: 'refuse', code: 'HEADSET_UNAUTHORIZED', message: 'Put the headset on and allow USB debugging for this computer' };
  }
  if (device.state !== 'device') return { kind: 'refuse', code: 'HEADSET_OFFLINE', message: 'The headset is not responding; reconnect it' };
  return null;
}

/**
 * Everything decided before a byte moves: the right hardware, not already there, not a downgrade, room
 * for the APK twice (the pushed copy and the installed one) plus OBBs, and enough battery.
 */
export function preflight(apk: SideloadApk, details: HeadsetDetails): Preflight {
  const platform = platformOfModel(details.model);
  if (!platform || !apk.target_platforms.includes(platform)) {
    return { kind: 'refuse', code: 'PLATFORM_MISMATCH', message: `This app is not made for ${details.model ?? 'this headset'} (it targets ${apk.target_platforms.join(', ')})` };
  }
  const installed = details.installed.find((p) => p.package_name === apk.package_name);
  const wanted = BigInt(apk.version_code);
  if (installed?.version_code === wanted) return { kind: 'skip' };
  if (installed && installed.version_code > wanted) {
    return { kind: 'refuse', code: 'VERSION_DOWNGRADE', message: `The headset has a newer version (${installed.version_code}) than this one (${apk.version_code})` };
  }
  const needed = apk.size_bytes * 2 + apk.obbs.reduce((sum, obb) => sum + obb.size_bytes, 0);
  if (details.freeBytes !== null && details.freeBytes < needed) {
    return { kind: 'refuse', code: 'INSUFFICIENT_STORAGE', message: `Needs ${needed} bytes free, the headset has ${details.freeBytes}` };
  }
  if (details.batteryLevel !== null && details.batteryLevel < MIN_BATTERY_PERCENT) {
    return { kind: 'refuse', code: 'LOW_BATTERY', message: `Battery at ${details.batteryLevel}%: charge the headset first` };
  }
  return { kind: 'go' };
}
