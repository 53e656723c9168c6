export type AdbDeviceState = 'device' | 'unauthorized' | 'offline' | 'disconnected';

export interface AttachedDevice {
  readonly serial: string;
  readonly state: AdbDeviceState;
}

export interface HeadsetDetails {
  readonly model: string | null;
  readonly batteryLevel: number | null;
  readonly freeBytes: number | null;
  readonly totalBytes: number | null;
  readonly installed: ReadonlyArray<{ package_name: string; version_code: number }>;
}

export interface TransferOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesSent: number) => void;
}

export type InstallOutcome = { ok: true } | { ok: false; code: string; message: string };
export type LaunchOutcome = { ok: true; via: 'am_start' | 'monkey' } | { ok: false; message: string };

/**
 * What Outpost needs from headsets, over a real adb server. Implemented with an ADB client library;
 * services above it (sideload jobs, launch) never speak the ADB protocol themselves.
 */
export interface HeadsetBridge {
  /** Calls back with the full device list now and on every change, until the returned stop is called. */
  track(onChange: (devices: readonly AttachedDevice[]) => void, onError?: (error: Error) => void, pollMs?: number): Promise<() => void>;
  list(): Promise<AttachedDevice[]>;
  /** Wi-Fi ADB: `adb connect host:port`. */
  connect(host: string, port: number): Promise<string>;
  describe(serial: string): Promise<HeadsetDetails>;
  shell(serial: string, command: string): Promise<string>;
  remoteSize(serial: string, path: string): Promise<number | null>;
  push(serial: string, localPath: string, remotePath: string, options?: TransferOptions): Promise<void>;
  install(serial: string, remotePath: string, flags: readonly string[]): Promise<InstallOutcome>;
  installedVersion(serial: string, packageName: string): Promise<number | null>;
  launch(serial: string, packageName: string, activity: string | null): Promise<LaunchOutcome>;
  foregroundPackage(serial: string): Promise<string | null>;
}
