import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import * as adbkit from '@devicefarmer/adbkit';
import { IpcFailure } from '../../../shared/ipc/result';
import type { Client, DeviceClient } from '@devicefarmer/adbkit';
import { parseAmStart, parseBatteryLevel, parseDfKilobytes, parseForegroundPackage, parseInstallOutput, parseMonkey, parsePackageList, parsePackageSignatures, parseWakefulness } from './adb-output';
import { DEFAULT_OUTPUT_CAP_BYTES, readBounded, startDeadline } from './bounded-command';
import type { CommandLimits } from './bounded-command';
import type { AdbDeviceState, AttachedDevice, HeadsetBridge, HeadsetDetails, InstallOutcome, LaunchOutcome, TransferOptions } from './headset-bridge';
import { streamInstall } from './stream-install';
import type { TransportConnection } from './stream-install';
import { DEFAULT_STALL_MS, watchTransfer } from './transfer-watchdog';

export interface AdbServerAddress {
  readonly host: string;
  readonly port: number;
  /**
   * The adb the instructor configured. The ADB client starts a server itself when it finds none, and
   * without this it would run whatever `adb` is first on PATH.
   */
  readonly adbPath: string;
  /** Errors of the client's own sockets that no call is waiting for (a headset's link broke mid-push). */
  readonly onClientError?: (error: Error) => void;
}

// Node's ESM loader cannot see this CommonJS package's named exports (bundlers and vitest can), so fall
// back to the namespace's `default`, which is module.exports there.
const Adb: typeof adbkit.Adb = adbkit.Adb ?? (adbkit as unknown as { default: typeof adbkit }).default.Adb;

/** Asking the adb server itself (not a headset): it answers at once or is not there. */
const HOST_COMMAND_LIMITS: CommandLimits = { timeoutMs: 15_000 };
/** `adb connect` waits for the headset's handshake; adb itself gives up after ~10 s. */
const CONNECT_LIMITS: CommandLimits = { timeoutMs: 30_000 };

/**
 * The adb server's word for a device. "no permissions" comes with the server's explanation appended
 * ("no permissions (missing udev rules? user is in the plugdev group); see [http://…]"), so only its start
 * is compared; states with no use to us (bootloader, recovery, authorizing, connecting) count as offline.
 */
export function toState(type: string): AdbDeviceState {
  if (type === 'device' || type === 'unauthorized' || type === 'offline') return type;
  if (type.startsWith('no permissions')) return 'no_permissions';
  return 'offline';
}

/** Quoting for one argument of an Android shell command line. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** ro.build.version.sdk: a small positive integer, or unknown. */
function parseSdk(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,3}$/.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : null;
}

/** HeadsetBridge over @devicefarmer/adbkit, talking to a real adb server (never killing it). */
export class AdbkitHeadsetBridge implements HeadsetBridge {
  readonly #client: Client;

  constructor(address: AdbServerAddress) {
    this.#client = Adb.createClient({ host: address.host, port: address.port, bin: address.adbPath });
    // adbkit re-emits every socket error nobody else listens to on the client; unheard, Node would throw
    // it and end the process (EPIPE when a headset's link dies mid-push while others are pushing).
    this.#client.on('error', (error: Error) => address.onClientError?.(error));
  }

  #device(serial: string): DeviceClient {
    return this.#client.getDevice(serial);
  }

  /** Runs one request with a deadline; a result that arrives after it is closed, if it is a stream. */
  async #bounded<T>(what: string, limits: CommandLimits, work: (signal: AbortSignal) => PromiseLike<T>, discard?: (late: T) => void): Promise<T> {
    const deadline = startDeadline(limits, what);
    try {
      return await deadline.race(work(deadline.signal), discard);
    } finally {
      deadline.dispose();
    }
  }

  async list(): Promise<AttachedDevice[]> {
    const devices = await this.#bounded('adb devices', HOST_COMMAND_LIMITS, () => this.#client.listDevices());
    return devices.map((d) => ({ serial: d.id, state: toState(d.type) }));
  }

  /**
   * Live device list. The adb server's track-devices stream is the primary signal, but adb 29 does not
   * always push the offline -> unauthorized step of a Wi-Fi headset, so a cheap `host:devices` poll
   * reconciles the list while the tracker is running.
   */
  async track(onChange: (devices: readonly AttachedDevice[]) => void, onError?: (error: Error) => void, pollMs = 1000): Promise<() => void> {
    const tracker = await this.#bounded('adb track-devices', HOST_COMMAND_LIMITS, () => this.#client.trackDevices(), (late) => late.end());
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

  /** adb's own answer on failure ("failed to connect to …: Connection refused") travels as the error's words. */
  async connect(host: string, port: number): Promise<string> {
    try {
      return await this.#bounded(`adb connect ${host}:${port}`, CONNECT_LIMITS, () => this.#client.connect(host, port));
    } catch (error) {
      throw new IpcFailure('UNAVAILABLE', (error instanceof Error ? error.message : String(error)).slice(0, 500));
    }
  }

  async shell(serial: string, command: string, limits: CommandLimits = {}): Promise<string> {
    const deadline = startDeadline(limits, command.split(' ', 2).join(' '));
    try {
      const stream = (await deadline.race(this.#device(serial).shell(command), (late) => late.destroy())) as Readable;
      return (await readBounded(stream, limits.maxBytes ?? DEFAULT_OUTPUT_CAP_BYTES, deadline.signal)).toString('utf8');
    } finally {
      deadline.dispose();
    }
  }

  /**
   * One headset's picture. Each question is asked on its own and may come back unknown; only a headset
   * that answers none of them (asleep, gone) makes this fail.
   */
  async describe(serial: string, limits: CommandLimits = {}): Promise<HeadsetDetails> {
    const ask = (command: string) => this.shell(serial, command, limits);
    const answers = await Promise.allSettled([
      ask('getprop ro.product.model'),
      ask('dumpsys battery'),
      ask('df -k /data'),
      ask('pm list packages --show-versioncode -3'),
      ask('getprop ro.build.version.sdk'),
      ask('getprop ro.product.cpu.abilist'),
      ask('getprop ro.build.version.min_supported_target_sdk'),
    ]);
    const failed = answers.find((a): a is PromiseRejectedResult => a.status === 'rejected');
    if (failed && answers.every((a) => a.status === 'rejected')) throw failed.reason;
    const [model, battery, df, packages, sdk, abis, minTargetSdk] = answers.map((a) => (a.status === 'fulfilled' ? a.value : null));
    const space = df === null || df === undefined ? null : parseDfKilobytes(df);
    return {
      model: model?.trim().slice(0, 100) || null,
      batteryLevel: battery ? parseBatteryLevel(battery) : null,
      freeBytes: space?.freeBytes ?? null,
      totalBytes: space?.totalBytes ?? null,
      sdk: sdk ? parseSdk(sdk) : null,
      minTargetSdk: minTargetSdk ? parseSdk(minTargetSdk) : null,
      abis: (abis ?? '')
        .trim()
        .split(',')
        .filter((abi) => /^[a-z0-9_-]{1,32}$/.test(abi))
        .slice(0, 8),
      installed: packages ? parsePackageList(packages) : [],
    };
  }

  async remoteSize(serial: string, path: string, limits: CommandLimits = {}): Promise<number | null> {
    try {
      const stats = await this.#bounded(`stat ${path}`, limits, () => this.#device(serial).stat(path));
      return stats.size;
    } catch (error) {
      // Missing file: adbkit says ENOENT; a silent headset is a different story and must surface.
      if ((error as { code?: unknown }).code === 'ENOENT') return null;
      throw error;
    }
  }

  async push(serial: string, localPath: string, remotePath: string, options: TransferOptions = {}): Promise<void> {
    options.signal?.throwIfAborted();
    const source = createReadStream(localPath);
    // The file stream is ours to close on every way out; errors on it are reported through the transfer.
    source.on('error', () => undefined);
    try {
      const transfer = await this.#bounded(`push ${remotePath}`, { signal: options.signal, timeoutMs: options.stallMs }, () => this.#device(serial).push(source, remotePath, 0o644), (late) => late.cancel());
      await watchTransfer(transfer, options);
    } finally {
      source.destroy();
    }
  }

  async install(serial: string, remotePath: string, flags: readonly string[], limits: CommandLimits = {}): Promise<InstallOutcome> {
    const output = await this.shell(serial, ['pm', 'install', ...flags, shellQuote(remotePath)].join(' '), limits);
    return parseInstallOutput(output);
  }

  async streamInstall(serial: string, localPath: string, sizeBytes: number, flags: readonly string[], options: TransferOptions & { readonly installTimeoutMs: number }): Promise<InstallOutcome> {
    const probe = () => this.shell(serial, 'echo', { signal: options.signal, timeoutMs: options.stallMs ?? DEFAULT_STALL_MS });
    return streamInstall(() => this.#device(serial).transport() as PromiseLike<TransportConnection>, localPath, sizeBytes, flags, { ...options, probe });
  }

  async installedVersion(serial: string, packageName: string, limits: CommandLimits = {}): Promise<bigint | null> {
    const output = await this.shell(serial, `pm list packages --show-versioncode ${shellQuote(packageName)}`, limits);
    // The filter is a substring match on the device, so pick the exact name.
    return parsePackageList(output).find((p) => p.package_name === packageName)?.version_code ?? null;
  }

  async installedSignatures(serial: string, packageName: string, limits: CommandLimits = {}): Promise<string[] | null> {
    return parsePackageSignatures(await this.shell(serial, `dumpsys package ${shellQuote(packageName)}`, limits));
  }

  async uninstall(serial: string, packageName: string, limits: CommandLimits = {}): Promise<boolean> {
    return (await this.shell(serial, `pm uninstall ${shellQuote(packageName)}`, limits)).trim() === 'Success';
  }

  async launch(serial: string, packageName: string, activity: string | null, limits: CommandLimits = {}): Promise<LaunchOutcome> {
    if (activity) {
      const component = activity.startsWith('.') || !activity.includes('/') ? `${packageName}/${activity}` : activity;
      const started = parseAmStart(await this.shell(serial, `am start -W -n ${shellQuote(component)}`, limits));
      if (started.ok) return { ok: true, via: 'am_start' };
    }
    // No known launchable activity (or it failed): let monkey pick the app's launcher entry.
    const monkey = await this.shell(serial, `monkey -p ${shellQuote(packageName)} -c android.intent.category.LAUNCHER 1`, limits);
    return parseMonkey(monkey) ? { ok: true, via: 'monkey' } : { ok: false, message: monkey.trim().slice(0, 300) || 'monkey produced no output' };
  }

  async foregroundPackage(serial: string, limits: CommandLimits = {}): Promise<string | null> {
    return parseForegroundPackage(await this.shell(serial, 'dumpsys activity activities', limits));
  }

  async wakefulness(serial: string, limits: CommandLimits = {}): Promise<'awake' | 'asleep' | null> {
    return parseWakefulness(await this.shell(serial, 'dumpsys power', limits));
  }
}
