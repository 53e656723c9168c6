/** Every failure the UI can put into words; anything else gets the generic sentence and its code. */
export const SIDELOAD_ERROR_KEYS = [
  'disconnected',
  'unauthorized',
  'offline',
  'noPermissions',
  'platformMismatch',
  'newerInstalled',
  'storage',
  'lowBattery',
  'transfer',
  'verify',
  'apkNotStored',
  'olderSdk',
  'invalidApk',
  'signatureMismatch',
  'alreadyExists',
  'abi',
  'testOnly',
  'notAnswering',
  'storageRanOut',
  'deprecatedSdk',
  'internal',
  'launchFailed',
  'notInForeground',
  'asleep',
  'unknown',
] as const;
export type SideloadErrorKey = (typeof SIDELOAD_ERROR_KEYS)[number];

/** main's own codes and the Android pm codes that mean the same thing share one sentence. */
const BY_CODE: Readonly<Record<string, SideloadErrorKey>> = {
  HEADSET_DISCONNECTED: 'disconnected',
  HEADSET_UNAUTHORIZED: 'unauthorized',
  HEADSET_OFFLINE: 'offline',
  HEADSET_NO_PERMISSIONS: 'noPermissions',
  PLATFORM_MISMATCH: 'platformMismatch',
  VERSION_DOWNGRADE: 'newerInstalled',
  INSTALL_FAILED_VERSION_DOWNGRADE: 'newerInstalled',
  INSUFFICIENT_STORAGE: 'storage',
  INSTALL_FAILED_INSUFFICIENT_STORAGE: 'storage',
  LOW_BATTERY: 'lowBattery',
  TRANSFER_FAILED: 'transfer',
  VERIFY_FAILED: 'verify',
  APK_NOT_STORED: 'apkNotStored',
  INSTALL_FAILED_OLDER_SDK: 'olderSdk',
  INSTALL_FAILED_INVALID_APK: 'invalidApk',
  INSTALL_PARSE_FAILED_NOT_APK: 'invalidApk',
  INSTALL_FAILED_UPDATE_INCOMPATIBLE: 'signatureMismatch',
  INSTALL_FAILED_ALREADY_EXISTS: 'alreadyExists',
  INSTALL_FAILED_NO_MATCHING_ABIS: 'abi',
  INSTALL_FAILED_TEST_ONLY: 'testOnly',
  HEADSET_NOT_ANSWERING: 'notAnswering',
  STORAGE_FULL_DURING_TRANSFER: 'storageRanOut',
  INSTALL_FAILED_DEPRECATED_SDK_VERSION: 'deprecatedSdk',
  INSTALL_FAILED_INTERNAL_ERROR: 'internal',
  LAUNCH_FAILED: 'launchFailed',
  NOT_IN_FOREGROUND: 'notInForeground',
  HEADSET_ASLEEP: 'asleep',
};

export function sideloadErrorKey(code: string): SideloadErrorKey {
  if (Object.hasOwn(BY_CODE, code)) return BY_CODE[code] ?? 'unknown';
  // pm has a family of INSTALL_PARSE_FAILED_* codes that all mean the file is not a usable APK.
  if (code.startsWith('INSTALL_PARSE_FAILED_')) return 'invalidApk';
  return 'unknown';
}
