// What makes a classroom slow, as numbers the emulated headsets enforce: each headset's own link, one
// link the whole cart shares (the access point, or the USB hub and its host port), and the time the
// package manager spends on an install. Figures are effective adb throughput, not the marketing rate; see
// docs/headsets/emulator-fidelity.md for where they come from.

const MB = 1_000_000;

export type LinkProfileName = 'usb2' | 'usb3' | 'wifi5' | 'wifi6';

export interface LinkProfile {
  /** One headset alone on this link, as `adb push` sees it. */
  readonly perHeadsetBytesPerSecond: number;
  /** The cart's shared part: one access point's airtime, or one hub's uplink. */
  readonly sharedBytesPerSecond: number;
}

export const LINK_PROFILES: Readonly<Record<LinkProfileName, LinkProfile>> = {
  // USB 2 high speed is 480 Mbit/s; adb push reaches ~35-40 MB/s, and a hub shares one such port.
  usb2: { perHeadsetBytesPerSecond: 38 * MB, sharedBytesPerSecond: 40 * MB },
  // USB 3 (5 Gbit/s): adb is then limited by the device's adbd and flash, ~100-150 MB/s; a hub's uplink is shared.
  usb3: { perHeadsetBytesPerSecond: 120 * MB, sharedBytesPerSecond: 350 * MB },
  // Wi-Fi 5 (802.11ac, 2x2 80 MHz): one client gets ~25 MB/s over adb; the AP's airtime ~50 MB/s in all.
  wifi5: { perHeadsetBytesPerSecond: 25 * MB, sharedBytesPerSecond: 50 * MB },
  // Wi-Fi 6 (802.11ax, Quest 2/3 radios): ~45 MB/s for one client, ~100 MB/s of airtime for the cart.
  wifi6: { perHeadsetBytesPerSecond: 45 * MB, sharedBytesPerSecond: 100 * MB },
};

/**
 * A link several headsets share: transfers take turns in small slices, so N uploads at once each get
 * about 1/N of it. Every upload reserves time for its bytes and waits until its reservation has passed.
 */
export class SharedLink {
  private nextFreeAt = 0;

  constructor(readonly bytesPerSecond: number) {}

  /** When `bytes` will have crossed the link, in Date.now() milliseconds. */
  reserve(bytes: number): number {
    const start = Math.max(Date.now(), this.nextFreeAt);
    this.nextFreeAt = start + (bytes / this.bytesPerSecond) * 1000;
    return this.nextFreeAt;
  }
}

/** Time the package manager spends on an install: a fixed part and a part per byte (verify, extract, dexopt). */
export interface InstallTiming {
  readonly fixedMs: number;
  readonly bytesPerSecond: number;
}

export function installDelayMs(timing: InstallTiming | null, bytes: number): number {
  return timing === null ? 0 : timing.fixedMs + (bytes / timing.bytesPerSecond) * 1000;
}

/** Scales every rate down by `factor`, so a 2-core host can emulate a cart without being the bottleneck itself. */
export function scaledProfile(profile: LinkProfile, factor: number): LinkProfile {
  return { perHeadsetBytesPerSecond: profile.perHeadsetBytesPerSecond / factor, sharedBytesPerSecond: profile.sharedBytesPerSecond / factor };
}
