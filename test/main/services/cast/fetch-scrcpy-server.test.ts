import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PINNED_SHA256, SERVER_URL, fetchScrcpyServer } from '../../../../main/scripts/fetch-scrcpy-server';

// The packaging step that brings the real scrcpy server: never unverified. Exercised with a local file
// (OUTPOST_SCRCPY_SERVER_FILE), so no network is touched.

let dir: string;
let file: string;
const bytes = Buffer.from('a file standing for scrcpy-server-v3.3.3\n');
const sha = createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-fetch-scrcpy-'));
  file = join(dir, 'scrcpy-server-v3.3.3');
  await writeFile(file, bytes);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fetch-scrcpy-server', () => {
  it('pins the release of the version the client library speaks', () => {
    expect(SERVER_URL).toBe('https://github.com/Genymobile/scrcpy/releases/download/v3.3.3/scrcpy-server-v3.3.3');
  });

  it('pins the published checksum of the release, and refuses a stand-in file against it', async () => {
    expect(PINNED_SHA256).toBe('7e70323ba7f259649dd4acce97ac4fefbae8102b2c6d91e2e7be613fd5354be0');
    const outcome = await fetchScrcpyServer({ OUTPOST_SCRCPY_SERVER_FILE: file }, join(dir, 'out'));
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining(`expected ${PINNED_SHA256}`) });
  });

  it('refuses a file whose checksum differs', async () => {
    const outcome = await fetchScrcpyServer({ OUTPOST_SCRCPY_SERVER_FILE: file, OUTPOST_SCRCPY_SERVER_SHA256: 'ab'.repeat(32) }, join(dir, 'out'));
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining(`has SHA-256 ${sha}`) });
  });

  it('places a verified file where electron-builder packs it from', async () => {
    const output = join(dir, 'dist', 'scrcpy-server');
    const outcome = await fetchScrcpyServer({ OUTPOST_SCRCPY_SERVER_FILE: file, OUTPOST_SCRCPY_SERVER_SHA256: sha }, output);
    expect(outcome).toEqual({ ok: true, path: output, sha256: sha, bytes: bytes.length });
    expect(await readFile(output)).toEqual(bytes);
  });
});
