import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real adb server of our own, on its own port and with its own HOME (so its
// ~/.android/adbkey is a throwaway), for tests that drive emulated headsets
// through the real CLI. The default server on 5037 is never touched.
//
// The server runs in the foreground (`adb nodaemon server`) as our child process: a port another test
// process took in between (two workers, or two runs of the suite, probing the same free port) makes our
// child exit, and we try another port, instead of quietly sharing that process's server; and stopping
// kills our child only, never "whatever adb server listens on this port" (kill-server did, and a
// concurrent test's server died with ours).

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

/**
 * Starts `adb -P port nodaemon server` and waits until it answers. Not ours if it exits first (the port
 * was taken: another adb server, or anything else, listens there).
 */
async function startOwnServer(adbPath: string, port: number, env: NodeJS.ProcessEnv, adb: (args: readonly string[], options?: { timeoutMs?: number }) => Promise<AdbResult>): Promise<{ ok: true; child: ChildProcess } | { ok: false; error: string }> {
  const child = spawn(adbPath, ['-P', String(port), 'nodaemon', 'server'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 8192) stderr += chunk.toString('utf8');
  });
  let exited = false;
  const gone = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', (error) => {
      stderr += String(error);
      exited = true;
      resolve();
    });
  });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && !exited) {
    // Ask only once the port accepts connections: an adb client finding nothing there would fork a daemon
    // of its own. A port someone else holds answers too, but our child then fails to bind and exits
    // within moments: it must still be running a little after the answer to count as ours.
    if (await portOpen(port)) {
      const answer = await adb(['devices'], { timeoutMs: 5_000 });
      if (answer.code === 0) {
        await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 300))]);
        if (!exited) return { ok: true, child };
      }
    }
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  await stopChild(child);
  return { ok: false, error: exited ? `adb server exited: ${stderr.trim().split('\n').slice(-3).join(' ')}` : 'adb server did not answer in 15 s' };
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function startPrivateAdbServer(adbPath = ADB_PATH): Promise<PrivateAdbServer> {
  const home = await mkdtemp(join(tmpdir(), 'outpost-adb-home-'));
  let child: ChildProcess | null = null;
  let port = 0;
  let adb: (args: readonly string[], options?: { timeoutMs?: number }) => Promise<AdbResult> = () => Promise.reject(new Error('not started'));
  let env: NodeJS.ProcessEnv = {};
  let lastError = '';
  for (let tries = 0; tries < 5 && child === null; tries += 1) {
    port = await freePort();
    const tryEnv: NodeJS.ProcessEnv = { ...process.env, HOME: home, ANDROID_ADB_SERVER_PORT: String(port) };
    delete tryEnv['ANDROID_SDK_HOME'];
    delete tryEnv['ADB_VENDOR_KEYS'];
    delete tryEnv['ANDROID_SERIAL'];
    const tryAdb = (args: readonly string[], options: { timeoutMs?: number } = {}): Promise<AdbResult> => run(adbPath, ['-P', String(port), ...args], tryEnv, options.timeoutMs ?? 20_000);
    const started = await startOwnServer(adbPath, port, tryEnv, tryAdb);
    if (started.ok) {
      child = started.child;
      adb = tryAdb;
      env = tryEnv;
    } else lastError = started.error;
  }
  if (child === null) {
    await rm(home, { recursive: true, force: true });
    throw new Error(`could not start a private adb server with '${adbPath}' (is the Debian 'adb' package installed?): ${lastError}`);
  }
  const own = child;

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
      await stopChild(own);
      await rm(home, { recursive: true, force: true });
    },
  };
}
