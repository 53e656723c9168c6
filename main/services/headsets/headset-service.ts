import { headsetSchema, listedVersion } from '../../../shared/headsets/headset';
import type { Headset } from '../../../shared/headsets/headset';
import type { AttachedDevice, HeadsetBridge } from './headset-bridge';

/** A headset that needs longer than this to say what it is counts as not answering, for this refresh. */
const DESCRIBE_TIMEOUT_MS = 15_000;

export interface HeadsetServiceOptions {
  readonly bridge: HeadsetBridge;
  readonly now: () => Date;
  readonly onChange: (headsets: Headset[]) => void;
  readonly log: (message: string, error?: unknown) => void;
}

/**
 * The live picture of the cart: every headset the adb server knows, with model, battery, storage and
 * installed apps read when it becomes usable. A headset that leaves stays listed as disconnected, so an
 * instructor sees which one dropped instead of it silently vanishing.
 */
export class HeadsetService {
  readonly #headsets = new Map<string, Headset>();
  #stop: (() => void) | null = null;

  constructor(private readonly options: HeadsetServiceOptions) {}

  async start(): Promise<void> {
    this.#stop = await this.options.bridge.track(
      (devices) => void this.#sync(devices),
      (error) => this.options.log('adb device tracking failed', error),
    );
  }

  stop(): void {
    this.#stop?.();
    this.#stop = null;
  }

  list(): Headset[] {
    return [...this.#headsets.values()].sort((a, b) => a.serial.localeCompare(b.serial));
  }

  /** Reads a headset again (after an install, or when the instructor asks). */
  async refresh(serial: string): Promise<Headset | null> {
    const known = this.#headsets.get(serial);
    if (!known || known.state !== 'device') return known ?? null;
    try {
      const details = await this.options.bridge.describe(serial, { timeoutMs: DESCRIBE_TIMEOUT_MS });
      const next = headsetSchema.safeParse({
        ...known,
        model: details.model,
        battery_level: details.batteryLevel,
        free_bytes: details.freeBytes,
        total_bytes: details.totalBytes,
        installed: details.installed.map((p) => ({ package_name: p.package_name, ...listedVersion(p.version_code) })),
        last_seen_at: this.options.now().toISOString(),
      });
      // Whatever one headset answers, the list every window receives stays valid: an answer that does not
      // fit is logged and that headset keeps what was known of it.
      if (next.success) this.#put(next.data);
      else this.options.log(`Headset ${serial} answered something that does not fit the headset list`, next.error);
    } catch (error) {
      this.options.log(`Could not read headset ${serial}`, error);
    }
    return this.#headsets.get(serial) ?? null;
  }

  async #sync(devices: readonly AttachedDevice[]): Promise<void> {
    const now = this.options.now().toISOString();
    const present = new Set(devices.map((d) => d.serial));
    for (const [serial, headset] of this.#headsets) {
      if (!present.has(serial) && headset.state !== 'disconnected') this.#put({ ...headset, state: 'disconnected' }, false);
    }
    const becameUsable: string[] = [];
    for (const device of devices) {
      const previous = this.#headsets.get(device.serial);
      if (previous?.state !== 'device' && device.state === 'device') becameUsable.push(device.serial);
      this.#put(
        previous
          ? { ...previous, state: device.state, last_seen_at: now }
          : { serial: device.serial, state: device.state, model: null, battery_level: null, free_bytes: null, total_bytes: null, installed: [], label: null, last_seen_at: now },
        false,
      );
    }
    this.#publish();
    await Promise.all(becameUsable.map((serial) => this.refresh(serial)));
  }

  #put(headset: Headset, publish = true): void {
    this.#headsets.set(headset.serial, headset);
    if (publish) this.#publish();
  }

  #publish(): void {
    this.options.onChange(this.list());
  }
}
