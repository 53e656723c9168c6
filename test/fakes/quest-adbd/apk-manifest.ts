import { createRequire } from 'node:module';
import yauzl from 'yauzl';

// The fake package manager reads APKs with the same third-party parser the app
// may use (@devicefarmer/adbkit-apkreader). It ships no types, so the slice of
// its output we rely on is declared here and checked at runtime.

export interface ApkActivity {
  /** Fully qualified class name. */
  name: string;
  actions: string[];
  categories: string[];
}

export interface ApkManifestInfo {
  packageName: string;
  versionCode: number;
  versionName: string | null;
  minSdk: number;
  targetSdk: number;
  label: string | null;
  activities: ApkActivity[];
}

export type ApkParseFailure = 'not-apk' | 'invalid-manifest';

export class ApkParseError extends Error {
  constructor(
    readonly failure: ApkParseFailure,
    message: string,
  ) {
    super(message);
  }
}

interface ApkReader {
  readManifest(): PromiseLike<unknown>;
}
interface ApkReaderModule {
  open(path: string): PromiseLike<ApkReader>;
}

const require = createRequire(import.meta.url);
const apkReaderModule = require('@devicefarmer/adbkit-apkreader') as ApkReaderModule;

export const LAUNCHER_CATEGORY = 'android.intent.category.LAUNCHER';
export const MAIN_ACTION = 'android.intent.action.MAIN';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function names(value: unknown): string[] {
  return list(value)
    .map((item) => record(item)['name'])
    .filter((name): name is string => typeof name === 'string');
}

function qualify(packageName: string, className: string): string {
  if (className.startsWith('.')) return packageName + className;
  return className.includes('.') ? className : `${packageName}.${className}`;
}

function toInt(value: unknown, fallback: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return fallback;
}

export function launchableActivity(activities: readonly ApkActivity[]): ApkActivity | null {
  return activities.find((a) => a.actions.includes(MAIN_ACTION) && a.categories.includes(LAUNCHER_CATEGORY)) ?? null;
}

/** The ABIs an APK ships native code for: the <abi> of every lib/<abi>/*.so entry. */
export function readNativeAbis(hostPath: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(hostPath, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error) return reject(error);
      const abis = new Set<string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        const parts = entry.fileName.split('/');
        if (parts.length === 3 && parts[0] === 'lib' && parts[2]?.endsWith('.so')) abis.add(parts[1] ?? '');
        zip.readEntry();
      });
      zip.on('end', () => resolve([...abis]));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export async function readApkManifest(hostPath: string): Promise<ApkManifestInfo> {
  let manifest: Record<string, unknown>;
  try {
    const reader = await apkReaderModule.open(hostPath);
    manifest = record(await reader.readManifest());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // yauzl's complaints mean "not a zip at all"; anything after that is a bad manifest.
    const notZip = /central directory|not a zip|invalid (comment|signature)|end of central/i.test(message);
    throw new ApkParseError(notZip ? 'not-apk' : 'invalid-manifest', message);
  }
  const packageName = manifest['package'];
  if (typeof packageName !== 'string' || packageName.length === 0) {
    throw new ApkParseError('invalid-manifest', '<manifest> has no package attribute');
  }
  const usesSdk = record(manifest['usesSdk']);
  const minSdk = toInt(usesSdk['minSdkVersion'], 1);
  const application = record(manifest['application']);
  const label = application['label'];
  const activities = list(application['activities']).map((raw) => {
    const activity = record(raw);
    const filters = list(activity['intentFilters']).map(record);
    return {
      name: qualify(packageName, String(activity['name'] ?? '')),
      actions: filters.flatMap((f) => names(f['actions'])),
      categories: filters.flatMap((f) => names(f['categories'])),
    };
  });
  const versionName = manifest['versionName'];
  return {
    packageName,
    versionCode: toInt(manifest['versionCode'], 0),
    versionName: typeof versionName === 'string' ? versionName : versionName === undefined ? null : String(versionName),
    minSdk,
    targetSdk: toInt(usesSdk['targetSdkVersion'], minSdk),
    label: typeof label === 'string' ? label : null,
    activities,
  };
}
