import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdbkitHeadsetBridge } from '../../../../main/services/headsets/adbkit-headset-bridge';
import { ADB_PATH } from '../../../fakes/quest-adbd/private-adb-server';

const run = promisify(execFile);
let dir: string;
let port: number;
let wrapper: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-configured-adb-'));
  port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  // The "configured adb": records how it was called, then runs the real one with a throwaway HOME.
  wrapper = join(dir, 'configured-adb');
  await writeFile(wrapper, `#!/bin/sh\necho "$@" >> '${join(dir, 'calls')}'\nHOME='${dir}' exec '${ADB_PATH}' "$@"\n`);
  await chmod(wrapper, 0o755);
});

afterAll(async () => {
  // Only the server this test made the client start, on its own port.
  await run(wrapper, ['-P', String(port), 'kill-server']).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('the ADB client and the configured adb', () => {
  it('starts the configured adb (not the one on PATH) when no server answers', async () => {
    const bridge = new AdbkitHeadsetBridge({ host: '127.0.0.1', port, adbPath: wrapper });
    expect(await bridge.list()).toEqual([]);
    expect(await readFile(join(dir, 'calls'), 'utf8')).toContain(`-P ${port} start-server`);
  }, 30_000);
});
