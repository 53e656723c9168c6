import { MIN_BATTERY_PERCENT } from '../../../shared/headsets/battery';
import { platformOfModel } from '../../../shared/headsets/quest-platform';
import type { AttachedDevice, HeadsetDetails } from '../headsets/headset-bridge';
import type { SideloadApk, SideloadErrorCode } from './sideload-types';

/** One threshold for main's refusal and the Headsets page's warning: see shared/headsets/battery.ts. */
export { MIN_BATTERY_PERCENT };

export type Preflight = { kind: 'go' } | { kind: 'skip' } | { kind: 'refuse'; code: SideloadErrorCode; message: string };

export function deviceProblem(device: AttachedDevice | undefined): Preflight | null {
  if (!device) return { kind: 'refuse', code: 'HEADSET_DISCONNECTED', message: 'The headset is not connected' };
  if (device.state === 'unauthorized') {
    return { kind: 'refuse', code: 'HEADSET_UNAUTHORIZED', message: 'Put the headset on and allow USB debugging for this computer' };
  }
  if (device.state === 'no_permissions') {
    return { kind: 'refuse', code: 'HEADSET_NO_PERMISSIONS', message: 'This computer is not allowed to use the USB device: install the udev rules for it or plug it into another port' };
  }
  if (device.state !== 'device') return { kind: 'refuse', code: 'HEADSET_OFFLINE', message: 'The headset is not responding; reconnect it' };
  return null;
}

/** StorageManager.getStorageLowBytes: Android keeps 5% of /data (at most 500 MiB) free and refuses installs that would use it. */
export function lowStorageReserveBytes(totalBytes: number): number {
  return Math.min(Math.floor(totalBytes * 0.05), 500 * 1024 * 1024);
}

/** Android 14 (SDK 34) refuses apps targeting below ro.build.version.min_supported_target_sdk (23 by default; Quest OS: 28). */
const DEFAULT_MIN_TARGET_SDK = 23;

/**
 * Everything decided before a byte moves: the right hardware, not already there, not a downgrade, an
 * Android new enough (and an app targeting one recent enough), native code the headset's processor runs,
 * room for the APK (`copies`: twice when pushed first, once when streamed into pm's session) plus OBBs
 * above Android's low-storage reserve, and enough battery. The codes are pm's own where pm would refuse the same way after the push.
 */
export function preflight(apk: SideloadApk, details: HeadsetDetails, copies: 1 | 2 = 2): Preflight {
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
  if (details.sdk !== null && apk.min_sdk !== null && apk.min_sdk > details.sdk) {
    return { kind: 'refuse', code: 'INSTALL_FAILED_OLDER_SDK', message: `The app needs Android SDK ${apk.min_sdk}; the headset runs SDK ${details.sdk}` };
  }
  const minTarget = details.minTargetSdk ?? DEFAULT_MIN_TARGET_SDK;
  if (details.sdk !== null && details.sdk >= 34 && apk.target_sdk !== null && apk.target_sdk < minTarget) {
    return { kind: 'refuse', code: 'INSTALL_FAILED_DEPRECATED_SDK_VERSION', message: `The app targets SDK ${apk.target_sdk}; this headset (SDK ${details.sdk}) installs only apps targeting ${minTarget} or later` };
  }
  if (apk.native_abis.length > 0 && details.abis.length > 0 && !apk.native_abis.some((abi) => details.abis.includes(abi))) {
    return { kind: 'refuse', code: 'INSTALL_FAILED_NO_MATCHING_ABIS', message: `The app's native code is for ${apk.native_abis.join(', ')}; the headset runs ${details.abis.join(', ')}` };
  }
  const reserve = details.totalBytes === null ? 0 : lowStorageReserveBytes(details.totalBytes);
  const needed = apk.size_bytes * copies + apk.obbs.reduce((sum, obb) => sum + obb.size_bytes, 0) + reserve;
  if (details.freeBytes !== null && details.freeBytes < needed) {
    return { kind: 'refuse', code: 'INSUFFICIENT_STORAGE', message: `Needs ${needed} bytes free (including Android's ${reserve}-byte reserve), the headset has ${details.freeBytes}` };
  }
  if (details.batteryLevel !== null && details.batteryLevel < MIN_BATTERY_PERCENT) {
    return { kind: 'refuse', code: 'LOW_BATTERY', message: `Battery at ${details.batteryLevel}%: charge the headset first` };
  }
  return { kind: 'go' };
}
