import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonFileStore } from '../../main/services/json-file-store';
import { crashKills, crashRandom } from '../support/crash-harness';

const CHILD = resolve(dirname(fileURLToPath(import.meta.url)), 'json-writer-child.ts');
const schema = z.object({ version: z.number(), padding: z.string() });
let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Starts the writer, lets it run `ms` after its first acknowledged write, SIGKILLs it; the last version it acknowledged. */
async function writeThenKill(path: string, ms: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  let acknowledged = 0;
  const first = new Promise<void>((started, failed) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      acknowledged = Number(line);
      started();
    });
    child.once('exit', (code) => failed(new Error(`the writer exited (${code}) before writing`)));
  });
  await first;
  await new Promise((done) => setTimeout(done, ms));
  const gone = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await gone;
  return acknowledged;
}

describe('JsonFileStore under SIGKILL', () => {
  it('always leaves a whole document, never older than the last write it acknowledged', async () => {
    const random = crashRandom('json-file-store');
    dir = await mkdtemp(join(tmpdir(), 'outpost-json-kill-'));
    const path = join(dir, 'jobs.json');
    const kills = crashKills(4);
    for (let kill = 0; kill < kills; kill += 1) {
      const acknowledged = await writeThenKill(path, random.between(0, 300));
      const text = await readFile(path, 'utf8');
      const parsed = schema.parse(JSON.parse(text));
      expect(parsed.version).toBeGreaterThanOrEqual(acknowledged);
      expect(parsed.padding).toBe(String(parsed.version % 10).repeat(65_536));
      // And the store reads it back as the same document (not its fallback).
      expect((await new JsonFileStore(path, schema, { version: -1, padding: '' }).read()).version).toBe(parsed.version);
    }
    // What a kill leaves behind is at most the temporary file of the write it cut.
    expect((await readdir(dir)).filter((name) => name !== 'jobs.json').every((name) => name.endsWith('.tmp'))).toBe(true);
  }, 60_000);
});
