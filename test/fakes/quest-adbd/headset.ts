import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { DeviceState } from './device-state';
import type { BatteryState, PreinstalledPackage } from './device-state';
import type { StorageState } from './fake-fs';
import { defaultFaults } from './faults';
import type { FaultSwitches } from './faults';
import { MAX_PAYLOAD } from './packet';
import { QUEST_MODELS } from './quest-models';
import type { QuestModel } from './quest-models';
import { ReverseTable } from './reverse';
import { openService } from './services';
import { AdbConnection } from './transport';
import type { TraceEvent } from './transport';

// One emulated headset: a TCP listener speaking the device side of ADB, in
// front of a DeviceState. Many can run in one process, each on its own port.

/**
 * What a Quest on Android 10+ advertises, minus what the fake does not speak
 * (sendrecv_v2 compression, delayed_ack, track_app, remount_shell). With abb_exec
 * present, adb 29's `adb install` streams through "abb_exec:package\0install...".
 */
export const QUEST_FEATURES: readonly string[] = ['shell_v2', 'cmd', 'stat_v2', 'ls_v2', 'fixed_push_mkdir', 'abb', 'abb_exec'];
/** Android 7-9 era: `adb install` streams via "exec:cmd package 'install' -S N". */
export const CMD_ONLY_FEATURES: readonly string[] = ['shell_v2', 'cmd', 'stat_v2'];
/** Nothing advertised: `adb shell` falls back to "shell:" and `adb install` to push + pm install. */
export const LEGACY_FEATURES: readonly string[] = [];

export interface QuestHeadsetOptions {
  model?: QuestModel;
  /** Listen address; 127.0.0.1 unless a test needs something else on loopback. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** ro.serialno; generated from the model's serial prefix by default. */
  serialNumber?: string;
  sdk?: number;
  release?: string;
  features?: readonly string[];
  /** Our CNXN max payload; the link uses the smaller of ours and the host's. */
  maxPayload?: number;
  battery?: Partial<BatteryState>;
  storage?: Partial<StorageState>;
  preinstalled?: readonly PreinstalledPackage[];
  dataDir?: string;
  legacyReplaceRequiresFlag?: boolean;
  faults?: Partial<FaultSwitches>;
}

export interface TraceEntry extends TraceEvent {
  at: number;
}

export interface QuestHeadset {
  readonly port: number;
  /** What `adb connect` and `adb -s` use: "127.0.0.1:PORT". */
  readonly serial: string;
  /** ro.serialno, what the headset itself reports. */
  readonly serialNumber: string;
  readonly model: QuestModel;
  readonly state: DeviceState;
  /** Mutable at runtime; each switch is read when it matters. */
  readonly faults: FaultSwitches;
  /** Handshakes, OPENed services and sync requests, oldest first. */
  readonly trace: TraceEntry[];
  /** Flip the USB-debugging prompt: true drops live links so the host re-handshakes into AUTH; false "taps Allow". */
  setUnauthorized(value: boolean): void;
  /** Asleep keeps every link up but answers nothing; waking handles what arrived meanwhile. */
  setAsleep(value: boolean): void;
  /** Ports set up by `adb reverse`; apps on the headset reach the host through `reverse.connect(port)`. */
  readonly reverse: ReverseTable;
  /** Cut every ADB connection, as if the headset fell off Wi-Fi. */
  disconnectAll(reason?: string): void;
  readonly connectionCount: number;
  stop(): Promise<void>;
}

let serialCounter = 0;

function generateSerial(prefix: string): string {
  serialCounter += 1;
  const digits = `${Date.now() % 100000}${String(serialCounter).padStart(4, '0')}`;
  return (prefix + digits).slice(0, 14).padEnd(14, '0');
}

export async function startQuestHeadset(options: QuestHeadsetOptions = {}): Promise<QuestHeadset> {
  const model = options.model ?? 'Quest 2';
  const profile = QUEST_MODELS[model];
  const serialNumber = options.serialNumber ?? generateSerial(profile.serialPrefix);
  const state = await DeviceState.create({
    model,
    serialNumber,
    sdk: options.sdk,
    release: options.release,
    battery: options.battery,
    storage: options.storage,
    preinstalled: options.preinstalled,
    dataDir: options.dataDir,
    legacyReplaceRequiresFlag: options.legacyReplaceRequiresFlag,
  });
  const faults: FaultSwitches = { ...defaultFaults(), ...options.faults };
  const features = options.features ?? QUEST_FEATURES;
  const trace: TraceEntry[] = [];
  const connections = new Set<AdbConnection>();
  const sockets = new Set<Socket>();
  const reverse = new ReverseTable();

  const banner = (): string => {
    const props = ['ro.product.name', 'ro.product.model', 'ro.product.device'].map((key) => `${key}=${state.props.get(key) ?? ''};`).join('');
    return `device::${props}features=${features.join(',')}`;
  };
  const record = (event: TraceEvent): void => {
    trace.push({ ...event, at: Date.now() });
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const connection: AdbConnection = new AdbConnection(socket, {
      banner,
      maxPayload: options.maxPayload ?? MAX_PAYLOAD,
      isUnauthorized: () => faults.unauthorized,
      isAsleep: () => faults.asleep,
      trace: record,
      openService: (destination, stream) =>
        openService(destination, stream, {
          state,
          faults,
          trace: record,
          dropConnection: (reason) => connection.destroy(reason),
          reverse: { table: reverse, connection },
        }),
    });
    connections.add(connection);
    socket.on('close', () => {
      sockets.delete(socket);
      connections.delete(connection);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('headset listener has no TCP address');
  const port = address.port;

  const disconnectAll = (reason = 'disconnectAll'): void => {
    for (const connection of connections) connection.destroy(reason);
  };

  return {
    port,
    serial: `127.0.0.1:${port}`,
    serialNumber,
    model,
    state,
    faults,
    trace,
    reverse,
    setUnauthorized(value: boolean): void {
      faults.unauthorized = value;
      if (value) disconnectAll('now unauthorized');
      else for (const connection of connections) connection.acceptPendingAuth();
    },
    setAsleep(value: boolean): void {
      faults.asleep = value;
      if (!value) {
        faults.asleepAfterBytes = null;
        for (const connection of connections) connection.wake();
      }
    },
    disconnectAll,
    get connectionCount(): number {
      return connections.size;
    },
    async stop(): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await state.dispose();
    },
  };
}
