import { createReadStream } from 'node:fs';
import * as adbkit from '@devicefarmer/adbkit';
import type { Client, DeviceClient } from '@devicefarmer/adbkit';
import { parseAmStart, parseBatteryLevel, parseDfKilobytes, parseForegroundPackage, parseInstallOutput, parseMonkey, parsePackageList } from './adb-output';
import type { AdbDeviceState, AttachedDevice, HeadsetBridge, HeadsetDetails, InstallOutcome, LaunchOutcome, TransferOptions } from './headset-bridge';

export interface AdbServerAddress {
  readonly host: string;
  readonly port: number;
}

// Node's ESM loader cannot see this CommonJS package's named exports (bundlers and vitest can), so fall
// back to the namespace's `default`, which is module.exports there.
const Adb: typeof adbkit.Adb = adbkit.Adb ?? (adbkit as unknown as { default: typeof adbkit }).default.Adb;

function toState(type: string): AdbDeviceState {
  if (type === 'device' || type === 'unauthorized' || type === 'offline') return type;
  return 'offline';
}

/** Quoting for one argument of an Android shell command line. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** HeadsetBridge over @devicefarmer/adbkit, talking to a real adb server (never starting or killing it). */
export class AdbkitHeadsetBridge implements HeadsetBridge {
  readonly #client: Client;

  constructor(address: AdbServerAddress) {
    this.#client = Adb.createClient({ host: address.host, port: address.port });
  }

  #device(serial: string): DeviceClient {
    return this.#client.getDevice(serial);
  }

  async list(): Promise<AttachedDevice[]> {
    const devices = await this.#client.listDevices();
    return devices.map((d) => ({ serial: d.id, state: toState(d.type) }));
  }

  /**
   * Live device list. The adb server's track-devices stream is the primary signal, but adb 29 does not
   * always push the offline -> unauthorized step of a Wi-Fi headset, so a cheap `host:devices` poll
   * reconciles the list while the tracker is running.
   */
  async track(onChange: (devices: readonly AttachedDevice[]) => void, onError?: (error: Error) => void, pollMs = 1000): Promise<() => void> {
    const tracker = await this.#client.trackDevices();
    let current = new Map<string, AdbDeviceState>();
    const replace = (next: Map<string, AdbDeviceState>) => {
      const same = next.size === current.size && [...next].every(([serial, state]) => current.get(serial) === state);
      current = next;
      if (!same) onChange([...current].map(([serial, state]) => ({ serial, state })));
    };
    const apply = (mutate: (next: Map<string, AdbDeviceState>) => void) => {
      const next = new Map(current);
      mutate(next);
      replace(next);
    };
    tracker.on('add', (d: { id: string; type: string }) => apply((next) => next.set(d.id, toState(d.type))));
    tracker.on('change', (d: { id: string; type: string }) => apply((next) => next.set(d.id, toState(d.type))));
    tracker.on('remove', (d: { id: string }) => apply((next) => next.delete(d.id)));
    tracker.on('error', (error: Error) => onError?.(error));
    const reconcile = async () => {
      try {
        replace(new Map((await this.list()).map((d) => [d.serial, d.state])));
      } catch (error) {
        onError?.(error as Error);
      }
    };
    onChange([]);
    await reconcile();
    const timer = setInterval(() => void reconcile(), pollMs);
    return () => {
      clearInterval(timer);
      tracker.end();
    };
  }

  async connect(host: string, port: number): Promise<string> {
    return this.#client.connect(host, port);
  }

  async shell(serial: string, command: string): Promise<string> {
    const stream = await this.#device(serial).shell(command);
    return (await Adb.util.readAll(stream)).toString('utf8');
  }

  async describe(serial: string): Promise<HeadsetDetails> {
    const [model, battery, df, packages] = await Promise.all([
      this.shell(serial, 'getprop ro.product.model'),
      this.shell(serial, 'dumpsys battery'),
      this.shell(serial, 'df -k /data'),
      this.shell(serial, 'pm list packages --show-versioncode -3'),
    ]);
    const space = parseDfKilobytes(df);
    return {
      model: model.trim() || null,
      batteryLevel: parseBatteryLevel(battery),
      freeBytes: space?.freeBytes ?? null,
      totalBytes: space?.totalBytes ?? null,
      installed: parsePackageList(packages),
    };
  }

  async remoteSize(serial: string, path: string): Promise<number | null> {
    try {
      const stats = await this.#device(serial).stat(path);
      return stats.size;
    } catch {
      return null;
    }
  }

  async push(serial: string, localPath: string, remotePath: string, options: TransferOptions = {}): Promise<void> {
    options.signal?.throwIfAborted();
    const source = createReadStream(localPath);
    const transfer = await this.#device(serial).push(source, remotePath, 0o644);
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        transfer.cancel();
        source.destroy();
        reject(options.signal?.reason ?? new Error('Transfer cancelled'));
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      transfer.on('progress', (stats: { bytesTransferred: number }) => options.onProgress?.(stats.bytesTransferred));
      transfer.on('end', () => {
        options.signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      transfer.on('error', (error: Error) => {
        options.signal?.removeEventListener('abort', onAbort);
        reject(error);
      });
    });
  }

  async install(serial: string, remotePath: string, flags: readonly string[]): Promise<InstallOutcome> {
    const output = await this.shell(serial, ['pm', 'install', ...flags, shellQuote(remotePath)].join(' '));
    return parseInstallOutput(output);
  }

  async installedVersion(serial: string, packageName: string): Promise<number | null> {
    const output = await this.shell(serial, `pm list packages --show-versioncode ${shellQuote(packageName)}`);
    // The filter is a substring match on the device, so pick the exact name.
    return parsePackageList(output).find((p) => p.package_name === packageName)?.version_code ?? null;
  }

  async launch(serial: string, packageName: string, activity: string | null): Promise<LaunchOutcome> {
    if (activity) {
      const component = activity.startsWith('.') || !activity.includes('/') ? `${packageName}/${activity}` : activity;
      const started = parseAmStart(await this.shell(serial, `am start -W -n ${shellQuote(component)}`));
      if (started.ok) return { ok: true, via: 'am_start' };
    }
    // No known launchable activity (or it failed): let monkey pick the app's launcher entry.
    const monkey = await this.shell(serial, `monkey -p ${shellQuote(packageName)} -c android.intent.category.LAUNCHER 1`);
    return parseMonkey(monkey) ? { ok: true, via: 'monkey' } : { ok: false, message: monkey.trim().slice(0, 300) || 'monkey produced no output' };
  }

  async foregroundPackage(serial: string): Promise<string | null> {
    return parseForegroundPackage(await this.shell(serial, 'dumpsys activity activities'));
  }
}
