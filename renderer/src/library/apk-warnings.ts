import type { StoredFile } from '../../../shared/headsets/sideload-contract';

/** One warning to put into words: library.import.warnings.<kind>. */
export type ApkWarningText = { readonly kind: 'noLauncher' } | { readonly kind: 'noArm64'; readonly abis: string };

type ApkInfo = NonNullable<StoredFile['apk']>;

/**
 * main accepts these APKs but they are unlikely to work from the kiosk: without a launcher activity
 * nothing can start the app on a headset, and native code without arm64 does not run on any Quest. The
 * instructor hears it at import time, not in class.
 */
export function apkWarningTexts(info: Pick<ApkInfo, 'warnings' | 'native_abis'>): ApkWarningText[] {
  const warnings = new Set(info.warnings ?? []);
  const texts: ApkWarningText[] = [];
  if (warnings.has('NO_LAUNCHER_ACTIVITY')) texts.push({ kind: 'noLauncher' });
  if (warnings.has('NO_ARM64_CODE')) texts.push({ kind: 'noArm64', abis: (info.native_abis ?? []).slice(0, 8).join(', ') });
  return texts;
}
