/** How long each step of a sideload may take before the headset counts as not answering. */
export interface SideloadTiming {
  /** One question to the headset (getprop, dumpsys, stat, rm). */
  readonly commandTimeoutMs: number;
  /** A push with no byte moving for this long is stalled. */
  readonly stallMs: number;
  /** The slowest link we still wait for: the ceiling of a push is a minute plus its size at this rate. */
  readonly slowestBytesPerSecond: number;
  /** pm install: a minute plus the size at this rate (dex2oat and verification on the headset). */
  readonly slowestInstallBytesPerSecond: number;
}

export const DEFAULT_SIDELOAD_TIMING: SideloadTiming = {
  commandTimeoutMs: 20_000,
  stallMs: 15_000,
  slowestBytesPerSecond: 256 * 1024,
  slowestInstallBytesPerSecond: 2 * 1024 * 1024,
};

export function transferCeilingMs(timing: SideloadTiming, bytes: number): number {
  return 60_000 + (bytes / timing.slowestBytesPerSecond) * 1000;
}

export function installTimeoutMs(timing: SideloadTiming, bytes: number): number {
  return 60_000 + (bytes / timing.slowestInstallBytesPerSecond) * 1000;
}
