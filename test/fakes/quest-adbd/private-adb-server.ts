import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real adb server of our own, on its own port and with its own HOME (so its
// ~/.android/adbkey is a throwaway), for tests that drive emulated headsets
// through the real CLI. The default server on 5037 is never touched.

export type AdbDeviceState = 'device' | 'unauthorized' | 'offline' | 'authorizing' | 'connecting' | 'absent';

export interface AdbResult {
  stdout: string;
  stderr: string;
  /** Exit status; null if adb was killed by the timeout. */
  code: number | null;
}

export interface PrivateAdbServer {
  readonly port: number;
  /** Environment every adb call uses (HOME and ANDROID_ADB_SERVER_PORT point at this server). */
  readonly env: NodeJS.ProcessEnv;
  readonly adbPath: string;
  adb(args: readonly string[], options?: { timeoutMs?: number }): Promise<AdbResult>;
  devices(): Promise<Map<string, AdbDeviceState>>;
  waitForState(serial: string, state: AdbDeviceState, timeoutMs?: number): Promise<void>;
  /** `adb connect` plus waiting until the handshake settles in `state`. */
  connect(serial: string, state?: AdbDeviceState): Promise<void>;
  stop(): Promise<void>;
}

export const ADB_PATH = process.env['OUTPOST_ADB'] ?? 'adb';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = address !== null && typeof address === 'object' ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function run(adbPath: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<AdbResult> {
  return new Promise((resolve) => {
    execFile(adbPath, [...args], { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : error.killed ? null : 1;
      resolve({ stdout, stderr, code });
    });
  });
}

export async function startPrivateAdbServer(adbPath = ADB_PATH): Promise<PrivateAdbServer> {
  const home = await mkdtemp(join(tmpdir(), 'outpost-adb-home-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, ANDROID_ADB_SERVER_PORT: String(port) };
  delete env['ANDROID_SDK_HOME'];
  delete env['ADB_VENDOR_KEYS'];
  delete env['ANDROID_SERIAL'];

  const adb = (args: readonly string[], options: { timeoutMs?: number } = {}): Promise<AdbResult> =>
    run(adbPath, ['-P', String(port), ...args], env, options.timeoutMs ?? 20_000);

  const started = await adb(['start-server'], { timeoutMs: 15_000 });
  if (started.code !== 0) {
    await rm(home, { recursive: true, force: true });
    throw new Error(`could not start a private adb server with '${adbPath}' (is the Debian 'adb' package installed?): ${started.stderr}`);
  }

  const devices = async (): Promise<Map<string, AdbDeviceState>> => {
    const result = await adb(['devices']);
    const map = new Map<string, AdbDeviceState>();
    for (const line of result.stdout.split('\n').slice(1)) {
      const [serial, state] = line.trim().split(/\s+/);
      if (serial !== undefined && serial.length > 0 && state !== undefined) map.set(serial, state as AdbDeviceState);
    }
    return map;
  };

  const waitForState = async (serial: string, state: AdbDeviceState, timeoutMs = 10_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    let last: AdbDeviceState = 'absent';
    while (Date.now() < deadline) {
      last = (await devices()).get(serial) ?? 'absent';
      if (last === state) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${serial} stayed '${last}', expected '${state}'`);
  };

  return {
    port,
    env,
    adbPath,
    adb,
    devices,
    waitForState,
    async connect(serial: string, state: AdbDeviceState = 'device'): Promise<void> {
      const result = await adb(['connect', serial]);
      // adb 29 waits for the handshake and reports a rejected key as "failed to authenticate".
      const accepted = /connected to/.test(result.stdout) || (state === 'unauthorized' && /failed to authenticate/.test(result.stdout));
      if (!accepted) throw new Error(`adb connect ${serial} failed: ${result.stdout}${result.stderr}`);
      await waitForState(serial, state);
    },
    async stop(): Promise<void> {
      await adb(['kill-server'], { timeoutMs: 10_000 });
      await rm(home, { recursive: true, force: true });
    },
  };
}
