import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCRCPY_SERVER_VERSION } from '../services/cast/scrcpy-mirror';

// `npm run dist` only (never install, build or test): puts the scrcpy server that casting pushes to
// headsets at dist/scrcpy/scrcpy-server, where electron-builder packs it as an extra resource
// (docs/cast.md). The file is Genymobile's release asset of exactly the version @yume-chan/adb-scrcpy
// speaks, and it is refused unless its SHA-256 is the pinned one.
//
// PINNED_SHA256 is the checksum scrcpy's own build documentation publishes for the v3.3.3 prebuilt server
// (and its release's SHA256SUMS.txt); OUTPOST_SCRCPY_SERVER_SHA256 overrides it for a one-off build. A
// machine without network can hand the file in with OUTPOST_SCRCPY_SERVER_FILE; it is checked the same way.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_URL = `https://github.com/Genymobile/scrcpy/releases/download/v${SCRCPY_SERVER_VERSION}/scrcpy-server-v${SCRCPY_SERVER_VERSION}`;
/** Lower-case hex SHA-256 of scrcpy-server-v3.3.3 as Genymobile publishes it. */
export const PINNED_SHA256 = '7e70323ba7f259649dd4acce97ac4fefbae8102b2c6d91e2e7be613fd5354be0';
export const OUTPUT = join(ROOT, 'dist', 'scrcpy', 'scrcpy-server');
const MAX_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 120_000;

export type FetchOutcome = { ok: true; path: string; sha256: string; bytes: number } | { ok: false; message: string };

export function expectedChecksum(env: NodeJS.ProcessEnv): string | null {
  const value = (env['OUTPOST_SCRCPY_SERVER_SHA256'] ?? PINNED_SHA256).trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(value) ? value : null;
}

async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} from ${url}`);
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.length;
    if (total > MAX_BYTES) throw new Error(`more than ${MAX_BYTES} bytes from ${url}: not the scrcpy server`);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

export async function fetchScrcpyServer(env: NodeJS.ProcessEnv = process.env, output = OUTPUT): Promise<FetchOutcome> {
  const expected = expectedChecksum(env);
  if (expected === null) {
    return {
      ok: false,
      message:
        `No SHA-256 pinned for scrcpy-server v${SCRCPY_SERVER_VERSION}: set PINNED_SHA256 in main/scripts/fetch-scrcpy-server.ts ` +
        '(or OUTPOST_SCRCPY_SERVER_SHA256) to the checksum Genymobile publishes for that release. Refusing to package an unverified binary.',
    };
  }
  let bytes: Uint8Array;
  try {
    const local = env['OUTPOST_SCRCPY_SERVER_FILE'];
    bytes = local ? new Uint8Array(await readFile(local)) : await download(SERVER_URL);
  } catch (error) {
    return { ok: false, message: `Could not get scrcpy-server v${SCRCPY_SERVER_VERSION}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (bytes.length === 0 || bytes.length > MAX_BYTES) return { ok: false, message: `scrcpy-server has ${bytes.length} bytes: not the server` };
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected) return { ok: false, message: `scrcpy-server v${SCRCPY_SERVER_VERSION} has SHA-256 ${actual}, expected ${expected}: refusing it` };
  await mkdir(dirname(output), { recursive: true });
  await writeFile(`${output}.partial`, bytes);
  await rename(`${output}.partial`, output);
  return { ok: true, path: output, sha256: actual, bytes: bytes.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outcome = await fetchScrcpyServer();
  if (!outcome.ok) {
    console.error(outcome.message);
    process.exit(1);
  }
  console.log(`scrcpy-server v${SCRCPY_SERVER_VERSION} (${outcome.bytes} bytes, sha256 ${outcome.sha256}) → ${outcome.path}`);
}
