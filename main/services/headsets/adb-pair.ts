import { execFile } from 'node:child_process';
import type { AdbServerConfig } from './adb-server';

export type PairOutcome = 'paired' | 'wrong_code' | 'adb_too_old' | 'failed';
export interface PairResult {
  readonly outcome: PairOutcome;
  /** adb's own words (first 300 characters), shown under the explanation. */
  readonly message: string;
}

/** Pairing exchanges a few packets; a headset that has not answered in this time will not. */
const PAIR_TIMEOUT_MS = 30_000;
const MAX_OUTPUT_BYTES = 64 * 1024;

/**
 * What `adb pair` answered. Platform tools 30+ print "Successfully paired to HOST:PORT [guid=…]" or
 * "Failed: Wrong password or connection was dropped."; older adb (Debian's 29) knows no `pair` at all.
 * Reads at most the first 2,000 characters.
 */
export function readPairAnswer(output: string): PairOutcome {
  const text = output.slice(0, 2000);
  if (/successfully paired/i.test(text)) return 'paired';
  if (/unknown command pair|unknown command: pair/i.test(text)) return 'adb_too_old';
  if (/wrong password|incorrect (pairing )?code/i.test(text)) return 'wrong_code';
  return 'failed';
}

/**
 * Pairs this computer's adb with a headset's wireless debugging using its six-digit code (`adb -P PORT pair
 * HOST:PORT CODE`). The code goes as an argument, never through a shell; the run is bounded in time and
 * output; every ending is a value with adb's words.
 */
export function createAdbPair(config: AdbServerConfig) {
  return (host: string, port: number, code: string): Promise<PairResult> =>
    new Promise((resolve) => {
      execFile(config.adbPath, ['-P', String(config.port), 'pair', `${host}:${port}`, code], { timeout: PAIR_TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (error, stdout, stderr) => {
        const output = `${String(stdout)}\n${String(stderr)}`.trim();
        const failure = error as (NodeJS.ErrnoException & { killed?: boolean }) | null;
        if (failure?.code === 'ENOENT') return resolve({ outcome: 'failed', message: `adb was not found (${config.adbPath})` });
        if (failure?.killed) return resolve({ outcome: 'failed', message: `adb pair did not finish within ${PAIR_TIMEOUT_MS / 1000} s` });
        resolve({ outcome: readPairAnswer(output), message: output.slice(0, 300) || (failure?.message ?? '').slice(0, 300) });
      });
    });
}
