import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApk } from '../apk-builder';
import type { BuiltApk } from '../apk-builder';
import { ByteQueue } from './byte-queue';
import { ShellInterpreter } from './commands';
import { DeviceState } from './device-state';
import { defaultFaults } from './faults';
import type { FaultSwitches } from './faults';
import { parseCommandLine } from './shell-syntax';

// The shell interpreter on its own, without adb in the loop.

let state: DeviceState;
let faults: FaultSwitches;
let apk: BuiltApk;
let dir: string;

async function run(line: string, stdin: Buffer | null = null, on: DeviceState = state): Promise<{ out: string; err: string; code: number }> {
  const queue = new ByteQueue();
  if (stdin !== null) void queue.push(stdin);
  queue.end();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const shell = new ShellInterpreter({ state: on, faults, dropConnection: () => undefined });
  const code = await shell.execute(line, { stdin: queue, stdout: (d) => out.push(d), stderr: (d) => err.push(d) });
  return { out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString(), code };
}

beforeAll(async () => {
  faults = defaultFaults();
  state = await DeviceState.create({ model: 'Quest 2', serialNumber: '1WMHH000000001', preinstalled: [{ packageName: 'com.preloaded.game', versionCode: 5 }] });
  dir = await mkdtemp(join(tmpdir(), 'outpost-commands-'));
  apk = await buildApk({
    packageName: 'com.outpost.unit',
    versionCode: 3,
    versionName: '3',
    label: 'Unit',
    minSdk: 29,
    launchableActivity: '.Main',
    outPath: join(dir, 'unit.apk'),
  });
});

afterAll(async () => {
  await state.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('shell syntax', () => {
  it('splits lists, pipelines, quotes and redirections', () => {
    const parsed = parseCommandLine(`echo 'a b' "c\\"d" e\\ f | grep x && ls /x 2>/dev/null || true; rm /tmp/*.apk`);
    expect(parsed.map((i) => i.connector)).toEqual([';', '&&', '||', ';']);
    expect(parsed[0]?.pipeline.map((c) => c.words.map((w) => w.text))).toEqual([['echo', 'a b', 'c"d', 'e f'], ['grep', 'x']]);
    expect(parsed[1]?.pipeline[0]?.redirects).toEqual([{ fd: 2, op: '>', target: '/dev/null' }]);
    expect(parsed[3]?.pipeline[0]?.words[1]).toEqual({ text: '/tmp/*.apk', glob: true });
  });
});

describe('interpreter', () => {
  it('runs pipes, conditionals and exit codes like mksh', async () => {
    expect(await run('getprop | grep -i "product.model"')).toMatchObject({ out: '[ro.product.model]: [Quest 2]\n', code: 0 });
    expect(await run('false || echo fallback && echo next')).toMatchObject({ out: 'fallback\nnext\n', code: 0 });
    expect(await run('nope 2>&1 | head -n 1')).toMatchObject({ out: '/system/bin/sh: nope: inaccessible or not found\n' });
    expect((await run('dumpsys battery | grep -q "level: 87"')).code).toBe(0);
    expect(await run('sh -c "exit 4"')).toMatchObject({ code: 4 });
    expect((await run('false; echo "status $?"; true; echo $?')).out).toBe('status 1\n0\n');
  });

  it('models a headset nobody wears: display off, asleep, am start succeeds but nothing is resumed', async () => {
    const asleep = await DeviceState.create({ model: 'Quest 3', serialNumber: '2G0YC000000002', preinstalled: [{ packageName: 'com.preloaded.game', versionCode: 5, launchableActivity: 'com.preloaded.game.Main' }] });
    try {
      expect((await run('dumpsys power | grep mWakefulness=', null, asleep)).out).toBe('  mWakefulness=Awake\n');
      asleep.screenOn = false;
      expect((await run('dumpsys power | grep -E "mWakefulness=|Display Power"', null, asleep)).out).toBe('  mWakefulness=Asleep\nDisplay Power: state=OFF\n');
      expect((await run('dumpsys display | grep mGlobalDisplayState', null, asleep)).out).toBe('  mGlobalDisplayState=OFF\n');
      expect((await run('am start -W -n com.preloaded.game/.Main', null, asleep)).out).toContain('Status: ok');
      const activities = (await run('dumpsys activity activities', null, asleep)).out;
      expect(activities).toContain('Hist #0: ActivityRecord{9f3e1c2 u0 com.preloaded.game/.Main');
      expect(activities).not.toContain('ResumedActivity');
      asleep.screenOn = true;
      expect((await run('dumpsys activity activities | grep mResumedActivity', null, asleep)).out).toContain('com.preloaded.game/.Main');
    } finally {
      await asleep.dispose();
    }
  });

  it('expands globs against the fake filesystem', async () => {
    await run('touch /data/local/tmp/one.apk /data/local/tmp/two.apk /data/local/tmp/keep.txt');
    expect((await run('ls /data/local/tmp/*.apk')).out).toBe('/data/local/tmp/one.apk\n/data/local/tmp/two.apk\n');
    await run('rm /data/local/tmp/*.apk');
    expect((await run('ls /data/local/tmp')).out).toBe('keep.txt\n');
  });

  it('lists preinstalled and system packages with pm flags', async () => {
    expect((await run('pm list packages -3 --show-versioncode')).out).toBe('package:com.preloaded.game versionCode:5\n');
    expect((await run('pm list packages -s vrshell')).out).toBe('package:com.oculus.vrshell\n');
    expect((await run('pm path com.missing')).code).toBe(1);
  });

  it('installs from stdin with cmd package install -S (what adb install streams)', async () => {
    const bytes = await readFile(apk.path);
    const result = await run(`cmd package install -r -S ${bytes.length}`, bytes);
    expect(result).toMatchObject({ out: 'Success\n', code: 0 });
    expect(state.installedVersion('com.outpost.unit')).toBe(3);
  });

  it('installs through install-create / install-write / install-commit sessions', async () => {
    await copyFile(apk.path, state.fs.hostPath('/data/local/tmp/unit.apk'));
    const created = await run('pm install-create -r -S 1');
    const id = /\[(\d+)\]/.exec(created.out)?.[1] ?? '';
    expect(created.out).toBe(`Success: created install session [${id}]\n`);
    expect((await run(`pm install-write ${id} base.apk /data/local/tmp/unit.apk`)).out).toMatch(/^Success: streamed \d+ bytes\n$/);
    expect(await run(`pm install-commit ${id}`)).toMatchObject({ out: 'Success\n', code: 0 });
  });

  it('refuses replacement without -r only when configured like pre-Android-9 pm', async () => {
    const legacy = await DeviceState.create({ model: 'Quest', serialNumber: '1KWP000000002', legacyReplaceRequiresFlag: true });
    try {
      await copyFile(apk.path, legacy.fs.hostPath('/data/local/tmp/unit.apk'));
      expect((await run('pm install /data/local/tmp/unit.apk', null, legacy)).out).toBe('Success\n');
      expect((await run('pm install /data/local/tmp/unit.apk', null, legacy)).out).toBe(
        'Failure [INSTALL_FAILED_ALREADY_EXISTS: Attempt to re-install com.outpost.unit without first uninstalling.]\n',
      );
      expect((await run('pm install -r /data/local/tmp/unit.apk', null, legacy)).out).toBe('Success\n');
      // Quest OS itself (Android 10+) replaces by default.
      await copyFile(apk.path, state.fs.hostPath('/data/local/tmp/again.apk'));
      expect((await run('pm install /data/local/tmp/again.apk')).out).toBe('Success\n');
    } finally {
      await legacy.dispose();
    }
  });

  it('rejects a zip without a manifest as an invalid APK', async () => {
    await state.fs.writeFile('/data/local/tmp/empty.apk', Buffer.from('504b0506000000000000000000000000000000000000', 'hex'));
    expect((await run('pm install /data/local/tmp/empty.apk')).out).toMatch(/^Failure \[INSTALL_FAILED_INVALID_APK: /);
  });

  it('charges installs and pushes against free storage, and rm gives it back', async () => {
    const before = state.storage.freeBytes;
    await state.fs.writeFile('/sdcard/Download/blob', Buffer.alloc(4096));
    expect(state.storage.freeBytes).toBe(before - 4096);
    await run('rm /sdcard/Download/blob');
    expect(state.storage.freeBytes).toBe(before);
  });
});
