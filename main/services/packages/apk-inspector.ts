import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import ApkReader from '@devicefarmer/adbkit-apkreader';
import type { ApkManifest } from '@devicefarmer/adbkit-apkreader';

export interface ApkInfo {
  readonly package_name: string;
  readonly version_code: number;
  readonly version_name: string | null;
  /** Null when the manifest names its label by resource id (resolving it needs resources.arsc). */
  readonly label: string | null;
  readonly min_sdk: number | null;
  readonly launch_activity: string | null;
  readonly sha256: string;
  readonly size_bytes: number;
}

export class ApkError extends Error {
  constructor(
    readonly code: 'NOT_AN_APK' | 'NO_PACKAGE_NAME' | 'FILE_UNREADABLE',
    message: string,
  ) {
    super(message);
    this.name = 'ApkError';
  }
}

const LAUNCH_CATEGORIES = new Set(['android.intent.category.LAUNCHER', 'com.oculus.intent.category.VR', 'android.intent.category.INFO']);

/** The activity the headset's launcher would start: a MAIN action with a launcher (or Quest VR) category. */
export function launchActivityOf(manifest: ApkManifest): string | null {
  const candidates = [...(manifest.application?.activities ?? []), ...(manifest.application?.activityAliases ?? [])];
  const main = candidates.find((activity) =>
    (activity.intentFilters ?? []).some(
      (filter) => filter.actions.some((a) => a.name === 'android.intent.action.MAIN') && filter.categories.some((c) => LAUNCH_CATEGORIES.has(c.name)),
    ),
  );
  return main?.name ?? null;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Reads what the library needs to know from an APK, with a clear error for anything that is not one. */
export async function inspectApk(path: string): Promise<ApkInfo> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ApkError('FILE_UNREADABLE', `Cannot read ${path}`);
  }
  let manifest: ApkManifest;
  try {
    manifest = await (await ApkReader.open(path)).readManifest();
  } catch (error) {
    throw new ApkError('NOT_AN_APK', `Not an Android package: ${(error as Error).message}`);
  }
  if (!manifest.package || !Number.isInteger(manifest.versionCode)) throw new ApkError('NO_PACKAGE_NAME', 'The APK manifest has no package name or versionCode');
  const label = manifest.application?.label;
  return {
    package_name: manifest.package,
    version_code: manifest.versionCode,
    version_name: manifest.versionName ?? null,
    label: typeof label === 'string' && !label.startsWith('resourceId:') && !label.startsWith('@') ? label : null,
    min_sdk: manifest.usesSdk?.minSdkVersion ?? null,
    launch_activity: launchActivityOf(manifest),
    sha256: await sha256File(path),
    size_bytes: size,
  };
}
