import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSigningKey } from '../../../../main/services/scorm/signing-key';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'outpost-key-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the launch-signing key', () => {
  it('is created on first start even when the data folder does not exist yet, readable by main alone, and kept', async () => {
    const file = join(root, 'fresh', 'data', 'scorm-launch.key');
    const key = loadSigningKey(file);
    expect(key).toHaveLength(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(loadSigningKey(file).equals(key)).toBe(true);
  });

  it('a damaged key file is replaced by a new key', async () => {
    const file = join(root, 'scorm-launch.key');
    await writeFile(file, 'short');
    const key = loadSigningKey(file);
    expect(key).toHaveLength(32);
    expect((await readFile(file)).equals(key)).toBe(true);
  });
});
