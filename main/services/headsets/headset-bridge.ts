import type { InstalledVersion } from './adb-output';
import type { CommandLimits } from './bounded-command';

export type AdbDeviceState = 'device' | 'unauthorized' | 'offline' | 'disconnected' | 'no_permissions';

export interface AttachedDevice {
  readonly serial: string;
  readonly state: AdbDeviceState;
}

export interface HeadsetDetails {
  readonly model: string | null;
  readonly batteryLevel: number | null;
  readonly freeBytes: number | null;
  readonly totalBytes: number | null;
  /** ro.build.version.sdk; null when the headset did not say. */
  readonly sdk: number | null;
  /** ro.build.version.min_supported_target_sdk: Android 14+ refuses apps targeting below it. */
  readonly minTargetSdk: number | null;
  /** ro.product.cpu.abilist, most preferred first. */
  readonly abis: readonly string[];
  readonly installed: readonly InstalledVersion[];
}

export interface TransferOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesSent: number) => void;
  /** No byte acknowledged for this long fails the transfer as "the headset stopped answering". */
  readonly stallMs?: number;
  /** Ceiling for the whole transfer (callers scale it to the size). */
  readonly maxMs?: number;
}

export type InstallOutcome = { ok: true } | { ok: false; code: string; message: string };
export type LaunchOutcome = { ok: true; via: 'am_start' | 'monkey' } | { ok: false; message: string };

export type { CommandLimits } from './bounded-command';

/**
 * What Outpost needs from headsets, over a real adb server. Implemented with an ADB client library;
 * services above it (sideload jobs, launch) never speak the ADB protocol themselves. Every call that
 * reaches a headset is bounded in time and output and takes the caller's abort signal.
 */
export interface HeadsetBridge {
  /** Calls back with the full device list now and on every change, until the returned stop is called. */
  track(onChange: (devices: readonly AttachedDevice[]) => void, onError?: (error: Error) => void, pollMs?: number): Promise<() => void>;
  list(): Promise<AttachedDevice[]>;
  /** Wi-Fi ADB: `adb connect host:port`. */
  connect(host: string, port: number): Promise<string>;
  describe(serial: string, limits?: CommandLimits): Promise<HeadsetDetails>;
  shell(serial: string, command: string, limits?: CommandLimits): Promise<string>;
  remoteSize(serial: string, path: string, limits?: CommandLimits): Promise<number | null>;
  push(serial: string, localPath: string, remotePath: string, options?: TransferOptions): Promise<void>;
  install(serial: string, remotePath: string, flags: readonly string[], limits?: CommandLimits): Promise<InstallOutcome>;
  /** `adb install`'s way: the APK streamed into a package-installer session, no copy on the headset. */
  streamInstall(serial: string, localPath: string, sizeBytes: number, flags: readonly string[], options: TransferOptions & { readonly installTimeoutMs: number }): Promise<InstallOutcome>;
  installedVersion(serial: string, packageName: string, limits?: CommandLimits): Promise<bigint | null>;
  /** Signature#hashCode (hex) of each certificate the installed copy is signed with; null: not known. */
  installedSignatures(serial: string, packageName: string, limits?: CommandLimits): Promise<string[] | null>;
  uninstall(serial: string, packageName: string, limits?: CommandLimits): Promise<boolean>;
  launch(serial: string, packageName: string, activity: string | null, limits?: CommandLimits): Promise<LaunchOutcome>;
  foregroundPackage(serial: string, limits?: CommandLimits): Promise<string | null>;
  /** Whether the display is on (someone wears the headset); null: the headset did not say. */
  wakefulness(serial: string, limits?: CommandLimits): Promise<'awake' | 'asleep' | null>;
}
