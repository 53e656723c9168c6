import { readFile, stat } from 'node:fs/promises';
import { SCRCPY_SERVER_VERSION } from './scrcpy-mirror';

// Where the scrcpy server that is pushed to headsets comes from. A packaged app carries the real file
// (fetched and checksum-checked by main/scripts/fetch-scrcpy-server.ts at `npm run dist`) in its
// resources. Tests and the headless `serve` host push a stand-in file that only emulated headsets accept.

export type ServerBinary = { ok: true; bytes: Uint8Array; source: 'packaged' | 'stand-in' } | { ok: false; message: string };

export type ServerBinarySource = { kind: 'packaged'; path: string } | { kind: 'stand-in' };

export const SERVER_MISSING_MESSAGE = 'The screen-casting component is missing from this installation; reinstall Outpost or ask whoever installed it.';

/** The real server is about 90 KB; anything past this is not it. */
const MAX_SERVER_BYTES = 8 * 1024 * 1024;

export function standInServer(): Uint8Array {
  return new TextEncoder().encode(`Outpost stand-in for scrcpy-server ${SCRCPY_SERVER_VERSION}: emulated headsets only, not a real server.\n`);
}

/** Reads the file once (and again after a failure, so installing it later works without a restart). */
export function serverBinaryLoader(source: ServerBinarySource): () => Promise<ServerBinary> {
  let cached: ServerBinary | null = null;
  return async () => {
    if (cached?.ok) return cached;
    if (source.kind === 'stand-in') {
      cached = { ok: true, bytes: standInServer(), source: 'stand-in' };
      return cached;
    }
    try {
      const info = await stat(source.path);
      if (!info.isFile() || info.size === 0 || info.size > MAX_SERVER_BYTES) return { ok: false, message: SERVER_MISSING_MESSAGE };
      cached = { ok: true, bytes: new Uint8Array(await readFile(source.path)), source: 'packaged' };
      return cached;
    } catch {
      return { ok: false, message: SERVER_MISSING_MESSAGE };
    }
  };
}
