import { posix } from 'node:path';
import { ApkParseError, readApkManifest, readNativeAbis } from './apk-manifest';
import { certificateOf } from '../apk-signing-block';
import { longVersionCode } from './device-state';
import { installDelayMs } from './link-model';
import type { DeviceState, InstalledPackage } from './device-state';
import { FakeFileSystem, FsError } from './fake-fs';
import type { FaultSwitches } from './faults';

// Install/uninstall rules and the exact result strings PackageManager prints.

export interface InstallFlags {
  /** -r: only matters with legacyReplaceRequiresFlag. */
  replace: boolean;
  /** -R */
  noReplace: boolean;
  /** -d */
  allowDowngrade: boolean;
}

export type InstallResult = { ok: true; packageName: string } | { ok: false; line: string };

export function parseInstallFlags(args: readonly string[]): InstallFlags {
  const flags: InstallFlags = { replace: false, noReplace: false, allowDowngrade: false };
  for (const arg of args) {
    if (!/^-[A-Za-z]+$/.test(arg)) continue;
    if (arg.includes('r')) flags.replace = true;
    if (arg.includes('R')) flags.noReplace = true;
    if (arg.includes('d')) flags.allowDowngrade = true;
  }
  return flags;
}

function failure(code: string, detail?: string): InstallResult {
  return { ok: false, line: `Failure [${code}${detail === undefined ? '' : `: ${detail}`}]` };
}

let sessionCounter = 1000;

/** A staged install: where PackageInstaller keeps the bytes before commit. */
export function newStagingDir(): { id: number; dir: string } {
  const id = 100000000 + Math.floor(Math.random() * 800000000) + sessionCounter++;
  return { id, dir: `/data/app/vmdl${id}.tmp` };
}

/** Installs an APK that is already on the device (pm install PATH, or a committed session). */
export async function installFromDevicePath(
  state: DeviceState,
  faults: FaultSwitches,
  apkDevicePath: string,
  flags: InstallFlags,
  options: { stagedAlready: boolean },
): Promise<InstallResult> {
  const staged = `/data/app/vmdl${100000000 + sessionCounter++}.tmp/base.apk`;
  if (faults.forcedInstallFailure !== null) return { ok: false, line: `Failure [${faults.forcedInstallFailure}]` };

  const info = await state.fs.stat(apkDevicePath);
  if (info === null || info.type !== 'file') return failure('INSTALL_FAILED_INVALID_URI');
  // PackageManager keeps StorageManager's low-storage reserve free: an install that would eat into it fails.
  const room = state.storage.freeBytes - lowStorageReserveBytes(state.storage.totalBytes);
  // A pushed file is copied into /data/app; a session's staged file is moved, needing no more room.
  if ((options.stagedAlready ? 0 : info.size) > room || room < 0) return failure('INSTALL_FAILED_INSUFFICIENT_STORAGE');

  let manifest;
  try {
    manifest = await readApkManifest(state.fs.hostPath(apkDevicePath));
  } catch (error) {
    if (!(error instanceof ApkParseError)) throw error;
    return error.failure === 'not-apk'
      ? failure('INSTALL_PARSE_FAILED_NOT_APK', `Failed to parse ${staged}: Failed to load asset path ${staged}`)
      : failure('INSTALL_FAILED_INVALID_APK', `Failed to parse ${staged}: ${error.message}`);
  }

  if (manifest.minSdk > state.sdk) {
    return failure(
      'INSTALL_FAILED_OLDER_SDK',
      `Failed parse during installPackageLI: ${staged} (at Binary XML file line #7): Requires newer sdk version #${manifest.minSdk} (current version is #${state.sdk})`,
    );
  }

  const installTime = installDelayMs(faults.installTiming, info.size);
  if (installTime > 0) await new Promise((resolve) => setTimeout(resolve, installTime));

  // Android 14 enforces ro.build.version.min_supported_target_sdk (Quest OS sets 28 there).
  const minTarget = Number(state.props.get('ro.build.version.min_supported_target_sdk') ?? '23');
  if (state.sdk >= 34 && manifest.targetSdk < minTarget) {
    return failure('INSTALL_FAILED_DEPRECATED_SDK_VERSION', `App package must target at least SDK version ${minTarget}, but found ${manifest.targetSdk}`);
  }

  const abis = await readNativeAbis(state.fs.hostPath(apkDevicePath));
  const supported = (state.props.get('ro.product.cpu.abilist') ?? '').split(',');
  if (abis.length > 0 && !abis.some((abi) => supported.includes(abi))) {
    return failure('INSTALL_FAILED_NO_MATCHING_ABIS', 'Failed to extract native libraries, res=-113');
  }

  const certificate = await certificateOf(state.fs.hostPath(apkDevicePath));
  const existing = state.packages.get(manifest.packageName);
  if (existing !== undefined) {
    const sameSigner = existing.certificate === null ? certificate === null : certificate !== null && certificate.equals(existing.certificate);
    if (!existing.system && !sameSigner) {
      return failure('INSTALL_FAILED_UPDATE_INCOMPATIBLE', `Package ${manifest.packageName} signatures do not match previously installed version; ignoring!`);
    }
    if (flags.noReplace || (state.legacyReplaceRequiresFlag && !flags.replace)) {
      return failure('INSTALL_FAILED_ALREADY_EXISTS', `Attempt to re-install ${manifest.packageName} without first uninstalling.`);
    }
    if (existing.system) return failure('INSTALL_FAILED_UPDATE_INCOMPATIBLE', `Package ${manifest.packageName} signatures do not match previously installed version; ignoring!`);
    if (BigInt(manifest.versionCode) < longVersionCode(existing) && !flags.allowDowngrade) {
      return failure(
        'INSTALL_FAILED_VERSION_DOWNGRADE',
        `Downgrade detected: Update version code ${manifest.versionCode} is older than current ${longVersionCode(existing)}`,
      );
    }
  }

  const codePath = `/data/app/~~${FakeFileSystem.randomToken()}==/${manifest.packageName}-${FakeFileSystem.randomToken()}==`;
  const apkPath = `${codePath}/base.apk`;
  try {
    if (options.stagedAlready) {
      await state.fs.moveInternal(apkDevicePath, apkPath);
    } else {
      await state.fs.copyInternal(apkDevicePath, apkPath);
    }
  } catch (error) {
    if (error instanceof FsError && error.code === 'ENOSPC') return failure('INSTALL_FAILED_INSUFFICIENT_STORAGE');
    throw error;
  }

  if (existing !== undefined) {
    await removeCodePath(state, existing);
    state.forceStop(existing.packageName);
  }
  const now = new Date();
  const record: InstalledPackage = {
    packageName: manifest.packageName,
    versionCode: manifest.versionCode,
    versionCodeMajor: 0,
    certificate,
    versionName: manifest.versionName,
    minSdk: manifest.minSdk,
    targetSdk: manifest.targetSdk,
    label: manifest.label,
    activities: manifest.activities,
    system: false,
    codePath,
    apkPath,
    sizeBytes: info.size,
    userId: existing?.userId ?? state.allocateUserId(),
    firstInstallTime: existing?.firstInstallTime ?? now,
    lastUpdateTime: now,
    installer: null,
  };
  state.packages.set(record.packageName, record);
  return { ok: true, packageName: record.packageName };
}

/** StorageManager.getStorageLowBytes: 5% of the data partition, at most 500 MiB (Android 8+ defaults). */
export function lowStorageReserveBytes(totalBytes: number): number {
  return Math.min(Math.floor(totalBytes * 0.05), 500 * 1024 * 1024);
}

export async function uninstallPackage(state: DeviceState, packageName: string): Promise<string> {
  const existing = state.packages.get(packageName);
  if (existing === undefined || existing.system) return 'Failure [DELETE_FAILED_INTERNAL_ERROR]';
  state.forceStop(packageName);
  await removeCodePath(state, existing);
  state.packages.delete(packageName);
  return 'Success';
}

async function removeCodePath(state: DeviceState, pkg: InstalledPackage): Promise<void> {
  if ((await state.fs.stat(pkg.codePath)) === null) return;
  await state.fs.remove(posix.dirname(pkg.codePath), { recursive: true, internal: true });
}
