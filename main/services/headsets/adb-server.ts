import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface AdbServerConfig {
  readonly adbPath: string;
  readonly host: string;
  readonly port: number;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export type AdbServerStatus = { ok: true; started: boolean } | { ok: false; reason: 'adb_missing' | 'start_failed'; message: string };

/**
 * Makes sure an adb server answers on the configured port, starting one if none does. Outpost never kills
 * an adb server: another tool (or the instructor's own adb) may be using it.
 */
export async function ensureAdbServer(config: AdbServerConfig): Promise<AdbServerStatus> {
  if (await reachable(config.host, config.port)) return { ok: true, started: false };
  try {
    await run(config.adbPath, ['-P', String(config.port), 'start-server'], { timeout: 20_000 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'adb_missing', message: `adb was not found (${config.adbPath}); install Android platform tools` };
    return { ok: false, reason: 'start_failed', message: (error as Error).message };
  }
  return (await reachable(config.host, config.port)) ? { ok: true, started: true } : { ok: false, reason: 'start_failed', message: 'adb started but does not answer' };
}
