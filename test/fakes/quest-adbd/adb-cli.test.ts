import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApk } from '../apk-builder';
import type { BuiltApk } from '../apk-builder';
import { startQuestCart } from './cart';
import { CMD_ONLY_FEATURES, LEGACY_FEATURES, startQuestHeadset } from './headset';
import type { QuestHeadset } from './headset';
import { startPrivateAdbServer } from './private-adb-server';
import type { AdbResult, PrivateAdbServer } from './private-adb-server';

// Drives emulated headsets through the real Debian adb (29.0.6) CLI and a
// private adb server, the way the app will drive real ones.

const PKG = 'com.outpost.demo';

let adb: PrivateAdbServer;
let quest: QuestHeadset;
let workDir: string;
let apkV10: BuiltApk;
let apkV11: BuiltApk;
let apkNeedsSdk34: BuiltApk;
let garbageApk: string;

function shell(headset: QuestHeadset, command: string): Promise<AdbResult> {
  return adb.adb(['-s', headset.serial, 'shell', command]);
}

async function stdoutOf(headset: QuestHeadset, command: string): Promise<string> {
  const result = await shell(headset, command);
  expect(result.code, `${command}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'outpost-quest-adbd-'));
  const spec = { packageName: PKG, label: 'Outpost Demo', minSdk: 29, launchableActivity: '.MainActivity' };
  [apkV10, apkV11, apkNeedsSdk34] = await Promise.all([
    buildApk({ ...spec, versionCode: 10, versionName: '1.0', outPath: join(workDir, 'demo-10.apk') }),
    buildApk({ ...spec, versionCode: 11, versionName: '1.1', outPath: join(workDir, 'demo-11.apk') }),
    buildApk({ ...spec, packageName: 'com.outpost.future', versionCode: 1, versionName: '1', minSdk: 34, outPath: join(workDir, 'future.apk') }),
  ]);
  garbageApk = join(workDir, 'garbage.apk');
  await writeFile(garbageApk, randomBytes(4096));
  [adb, quest] = await Promise.all([startPrivateAdbServer(), startQuestHeadset({ model: 'Quest 3' })]);
  await adb.connect(quest.serial);
});

afterAll(async () => {
  await adb?.stop();
  await quest?.stop();
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

describe('identity', () => {
  it('reports Quest properties through getprop and the CNXN banner', async () => {
    expect(await stdoutOf(quest, 'getprop ro.product.model')).toBe('Quest 3\n');
    expect(await stdoutOf(quest, 'getprop ro.product.manufacturer')).toBe('Oculus\n');
    expect(await stdoutOf(quest, 'getprop ro.product.device')).toBe('eureka\n');
    expect(await stdoutOf(quest, 'getprop ro.serialno')).toBe(`${quest.serialNumber}\n`);
    expect(await stdoutOf(quest, 'getprop ro.build.version.sdk')).toBe('32\n');
    expect(await stdoutOf(quest, 'getprop')).toContain('[ro.product.model]: [Quest 3]\n');
    const listed = await adb.adb(['devices', '-l']);
    expect(listed.stdout).toMatch(new RegExp(`${quest.serial}\\s+device product:eureka model:Quest_3 device:eureka`));
  });

  it('answers unknown commands like mksh, with exit status 127', async () => {
    const result = await shell(quest, 'frobnicate --now');
    expect(result.code).toBe(127);
    expect(result.stderr).toBe('/system/bin/sh: frobnicate: inaccessible or not found\n');
    expect((await shell(quest, 'exit 7')).code).toBe(7);
  });

  it('runs exec: without a pty or framing (adb exec-out)', async () => {
    const result = await adb.adb(['-s', quest.serial, 'exec-out', 'echo', 'raw', 'bytes']);
    expect(result.stdout).toBe('raw bytes\n');
    // adb 29 quotes each exec-out argument before sending it.
    expect(quest.trace.some((t) => t.kind === 'open' && t.detail === "exec:echo 'raw' 'bytes'")).toBe(true);
  });

  it('basic file tools behave like toybox', async () => {
    expect(await stdoutOf(quest, 'mkdir -p /sdcard/Outpost/cache && echo ok > /sdcard/Outpost/cache/a.txt && cat /sdcard/Outpost/cache/a.txt')).toBe('ok\n');
    expect(await stdoutOf(quest, 'ls /storage/emulated/0/Outpost/cache')).toBe('a.txt\n');
    expect(await stdoutOf(quest, 'stat -c "%s %n" /sdcard/Outpost/cache/a.txt')).toBe('3 /sdcard/Outpost/cache/a.txt\n');
    expect(await stdoutOf(quest, 'rm -f /sdcard/Outpost/cache/*.txt /sdcard/nothing && ls /sdcard/Outpost/cache')).toBe('');
    expect((await shell(quest, 'rm /sdcard/nothing')).stderr).toBe('rm: /sdcard/nothing: No such file or directory\n');
    expect(await stdoutOf(quest, 'id')).toMatch(/^uid=2000\(shell\) gid=2000\(shell\)/);
  });
});

describe('push and pm install', () => {
  it('stores pushed bytes on the fake', async () => {
    const pushed = await adb.adb(['-s', quest.serial, 'push', apkV10.path, '/data/local/tmp/demo.apk']);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect((await quest.state.readFile('/data/local/tmp/demo.apk')).equals(await readFile(apkV10.path))).toBe(true);
  });

  it('installs a pushed APK and lists it with its versionCode', async () => {
    expect(await stdoutOf(quest, 'pm install -r /data/local/tmp/demo.apk')).toBe('Success\n');
    expect(await stdoutOf(quest, 'pm list packages --show-versioncode')).toContain(`package:${PKG} versionCode:10\n`);
    const thirdParty = await stdoutOf(quest, 'pm list packages -3');
    expect(thirdParty).toBe(`package:${PKG}\n`);
    expect(await stdoutOf(quest, `pm path ${PKG}`)).toMatch(new RegExp(`^package:/data/app/~~[^/]+==/${PKG}-[^/]+==/base\\.apk\\n$`));
    const dump = await stdoutOf(quest, `dumpsys package ${PKG}`);
    expect(dump).toContain('    versionCode=10 minSdk=29 targetSdk=32\n');
    expect(dump).toContain('    versionName=1.0\n');
  });

  it('refuses downgrades without -d and replacement with -R', async () => {
    await adb.adb(['-s', quest.serial, 'push', apkV11.path, '/data/local/tmp/demo-11.apk']);
    expect(await stdoutOf(quest, 'pm install -r /data/local/tmp/demo-11.apk')).toBe('Success\n');
    const down = await shell(quest, 'pm install -r /data/local/tmp/demo.apk');
    expect(down.code).toBe(1);
    expect(down.stdout).toBe('Failure [INSTALL_FAILED_VERSION_DOWNGRADE: Downgrade detected: Update version code 10 is older than current 11]\n');
    expect(await stdoutOf(quest, 'pm install -r -d /data/local/tmp/demo.apk')).toBe('Success\n');
    expect(quest.state.installedVersion(PKG)).toBe(10);
    expect((await shell(quest, 'pm install -R /data/local/tmp/demo.apk')).stdout).toMatch(/^Failure \[INSTALL_FAILED_ALREADY_EXISTS: /);
  });

  it('rejects garbage and too-new APKs with PackageManager codes', async () => {
    await adb.adb(['-s', quest.serial, 'push', garbageApk, '/data/local/tmp/garbage.apk']);
    expect((await shell(quest, 'pm install /data/local/tmp/garbage.apk')).stdout).toMatch(/^Failure \[INSTALL_PARSE_FAILED_NOT_APK: /);
    await adb.adb(['-s', quest.serial, 'push', apkNeedsSdk34.path, '/data/local/tmp/future.apk']);
    expect((await shell(quest, 'pm install /data/local/tmp/future.apk')).stdout).toMatch(
      /^Failure \[INSTALL_FAILED_OLDER_SDK: .*Requires newer sdk version #34 \(current version is #32\)\]\n$/,
    );
    expect(quest.state.packages.has('com.outpost.future')).toBe(false);
  });

  it('supports `adb install` (streamed over abb_exec on a modern Quest)', async () => {
    const result = await adb.adb(['-s', quest.serial, 'install', '-r', apkV11.path]);
    expect(result.stdout).toBe('Performing Streamed Install\nSuccess\n');
    expect(quest.trace.some((t) => t.kind === 'open' && t.detail.startsWith('abb_exec:package\0install\0-r\0-S\0'))).toBe(true);
    expect(quest.state.installedVersion(PKG)).toBe(11);
  });
});

describe('activities', () => {
  it('starts an app with am start -W and reports it in the foreground', async () => {
    const started = await stdoutOf(quest, `am start -W -n ${PKG}/.MainActivity`);
    expect(started).toMatch(
      new RegExp(`^Starting: Intent \\{ cmp=${PKG}/\\.MainActivity \\}\\nStatus: ok\\nLaunchState: COLD\\nActivity: ${PKG}/\\.MainActivity\\nTotalTime: \\d+\\nWaitTime: \\d+\\nComplete\\n$`),
    );
    expect(await stdoutOf(quest, 'dumpsys activity activities | grep mResumedActivity')).toMatch(
      new RegExp(`^\\s+mResumedActivity: ActivityRecord\\{[0-9a-f]+ u0 ${PKG}/\\.MainActivity t\\d+\\}\\n$`),
    );
    const focus = await adb.adb(['-s', quest.serial, 'shell', 'dumpsys', 'window', '|', 'grep', 'mCurrentFocus']);
    expect(focus.stdout).toBe(`  mCurrentFocus=Window{4e1c8b1 u0 ${PKG}/${PKG}.MainActivity}\n`);
  });

  it('reports unknown activities the way ActivityManager does', async () => {
    expect(await stdoutOf(quest, `am start -W -n ${PKG}/.Nope`)).toBe(
      `Starting: Intent { cmp=${PKG}/.Nope }\nError type 3\nError: Activity class {${PKG}/${PKG}.Nope} does not exist.\n`,
    );
  });

  it('force-stops back to the Quest home and launches via monkey and -a/-c intents', async () => {
    await stdoutOf(quest, `am force-stop ${PKG}`);
    expect(quest.state.foreground.packageName).toBe('com.oculus.vrshell');
    const monkey = await stdoutOf(quest, `monkey -p ${PKG} -c android.intent.category.LAUNCHER 1`);
    expect(monkey).toContain('Events injected: 1\n');
    expect(quest.state.foreground.packageName).toBe(PKG);
    await stdoutOf(quest, 'input keyevent KEYCODE_HOME');
    const viaIntent = await stdoutOf(quest, `am start -a android.intent.action.MAIN -c android.intent.category.LAUNCHER -p ${PKG}`);
    expect(viaIntent).toBe(`Starting: Intent { act=android.intent.action.MAIN cat=[android.intent.category.LAUNCHER] pkg=${PKG} }\n`);
    expect(quest.state.foreground).toMatchObject({ packageName: PKG, className: `${PKG}.MainActivity` });
  });
});

describe('device status', () => {
  it('reports battery like BatteryService, including a low battery', async () => {
    quest.state.battery.level = 4;
    quest.state.battery.usbPowered = true;
    quest.state.battery.status = 'charging';
    const battery = await stdoutOf(quest, 'dumpsys battery');
    expect(battery).toContain('Current Battery Service state:\n  AC powered: false\n  USB powered: true\n');
    expect(battery).toContain('  status: 2\n');
    expect(battery).toContain('  level: 4\n  scale: 100\n');
  });

  it('reports storage through toybox df', async () => {
    const { totalBytes, freeBytes } = quest.state.storage;
    const lines = (await stdoutOf(quest, 'df /data')).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Filesystem\s+1K-blocks\s+Used\s+Available\s+Use% Mounted on$/);
    const cells = (lines[1] ?? '').split(/\s+/);
    expect(cells[0]).toBe('/dev/block/dm-5');
    expect(Number(cells[1])).toBe(Math.floor(totalBytes / 1024));
    expect(Number(cells[3])).toBe(Math.floor(freeBytes / 1024));
    expect(cells[5]).toBe('/data');
    expect(await stdoutOf(quest, 'df -h /sdcard')).toMatch(/^Filesystem\s+Size\s+Used\s+Avail\s+Use% Mounted on\n\/dev\/fuse\s+\d+G\s+\S+\s+\S+\s+\d+% \/storage\/emulated\n$/);
  });

  it('uninstalls, and fails uninstalling what is not there', async () => {
    const result = await adb.adb(['-s', quest.serial, 'uninstall', PKG]);
    expect(result.stdout).toBe('Success\n');
    expect(quest.state.packages.has(PKG)).toBe(false);
    const again = await shell(quest, `pm uninstall ${PKG}`);
    expect(again.stdout).toBe('Failure [DELETE_FAILED_INTERNAL_ERROR]\n');
    expect(again.code).toBe(1);
  });
});

describe('fault switches', () => {
  it('storage full: push fails with adbd\'s ENOSPC text, installs fail with INSUFFICIENT_STORAGE', async () => {
    const saved = quest.state.storage.freeBytes;
    try {
      quest.state.storage.freeBytes = 100;
      const pushed = await adb.adb(['-s', quest.serial, 'push', apkV10.path, '/data/local/tmp/full.apk']);
      expect(pushed.code).not.toBe(0);
      // adb 29 prints sync errors through its progress line printer, i.e. on stdout.
      expect(pushed.stdout).toContain("failed to copy '" + apkV10.path + "' to '/data/local/tmp/full.apk': remote write failed: No space left on device");
      expect(await quest.state.fileExists('/data/local/tmp/full.apk')).toBe(false);
      expect((await shell(quest, 'pm install /data/local/tmp/demo.apk')).stdout).toBe('Failure [INSTALL_FAILED_INSUFFICIENT_STORAGE]\n');
      const streamed = await adb.adb(['-s', quest.serial, 'install', apkV10.path]);
      expect(streamed.code).toBe(1);
      expect(streamed.stderr).toContain('Failure [INSTALL_FAILED_INSUFFICIENT_STORAGE]');
    } finally {
      quest.state.storage.freeBytes = saved;
    }
  });

  it('forced install failure code', async () => {
    quest.faults.forcedInstallFailure = 'INSTALL_FAILED_INTERNAL_ERROR';
    try {
      expect((await shell(quest, 'pm install -r /data/local/tmp/demo.apk')).stdout).toBe('Failure [INSTALL_FAILED_INTERNAL_ERROR]\n');
      expect((await adb.adb(['-s', quest.serial, 'install', apkV10.path])).stderr).toContain('Failure [INSTALL_FAILED_INTERNAL_ERROR]');
    } finally {
      quest.faults.forcedInstallFailure = null;
    }
  });

  it('throttle makes the same push measurably slower', async () => {
    const blob = join(workDir, 'blob.bin');
    await writeFile(blob, randomBytes(1536 * 1024));
    const timePush = async (): Promise<number> => {
      const begun = performance.now();
      const result = await adb.adb(['-s', quest.serial, 'push', blob, '/data/local/tmp/blob.bin']);
      expect(result.code, result.stderr).toBe(0);
      return performance.now() - begun;
    };
    const fast = await timePush();
    quest.faults.throttleBytesPerSecond = 3 * 1024 * 1024;
    try {
      const slow = await timePush();
      expect(slow).toBeGreaterThan(400);
      expect(slow / fast).toBeGreaterThan(2);
    } finally {
      quest.faults.throttleBytesPerSecond = null;
    }
  });

  it('dropMidTransfer cuts the link during a push; the headset comes back afterwards', async () => {
    quest.faults.dropMidTransferAfterBytes = 256 * 1024;
    try {
      const big = join(workDir, 'drop.bin');
      await writeFile(big, randomBytes(1024 * 1024));
      const result = await adb.adb(['-s', quest.serial, 'push', big, '/data/local/tmp/drop.bin']);
      expect(result.code).not.toBe(0);
      expect(quest.trace.some((t) => t.kind === 'drop')).toBe(true);
      expect(await quest.state.fileExists('/data/local/tmp/drop.bin')).toBe(false);
    } finally {
      quest.faults.dropMidTransferAfterBytes = null;
    }
    await adb.connect(quest.serial);
    expect(await stdoutOf(quest, 'echo back')).toBe('back\n');
  });

  it('unauthorized: shows up as unauthorized until the user allows it', async () => {
    const locked = await startQuestHeadset({ model: 'Quest 2', faults: { unauthorized: true } });
    try {
      await adb.connect(locked.serial, 'unauthorized');
      const denied = await shell(locked, 'echo hi');
      expect(denied.code).not.toBe(0);
      expect(denied.stderr).toContain('unauthorized');
      locked.setUnauthorized(false);
      await adb.waitForState(locked.serial, 'device');
      expect(await stdoutOf(locked, 'getprop ro.product.model')).toBe('Quest 2\n');
      // Revoking at runtime drops the link; adb reconnects by itself and lands in AUTH again.
      locked.setUnauthorized(true);
      await adb.waitForState(locked.serial, 'unauthorized');
      locked.setUnauthorized(false);
      await adb.waitForState(locked.serial, 'device');
    } finally {
      await adb.adb(['disconnect', locked.serial]);
      await locked.stop();
    }
  });
});

describe('a cart of headsets in one process', () => {
  it('serves three headsets at once, each through the install path its features select', async () => {
    const cart = await startQuestCart([
      { model: 'Quest 2' },
      { model: 'Quest 3S', features: CMD_ONLY_FEATURES },
      { model: 'Quest Pro', features: LEGACY_FEATURES },
    ]);
    try {
      await Promise.all(cart.headsets.map((h) => adb.connect(h.serial)));
      const models = await Promise.all(cart.headsets.map((h) => stdoutOf(h, 'getprop ro.product.model')));
      expect(models).toEqual(['Quest 2\n', 'Quest 3S\n', 'Quest Pro\n']);
      const installs = await Promise.all(cart.headsets.map((h) => adb.adb(['-s', h.serial, 'install', apkV10.path])));
      expect(installs.map((r) => r.stdout)).toEqual([
        'Performing Streamed Install\nSuccess\n',
        'Performing Streamed Install\nSuccess\n',
        expect.stringMatching(/^Performing Push Install\n.*demo-10\.apk: 1 file pushed.*\nSuccess\n$/),
      ]);
      for (const h of cart.headsets) expect(h.state.installedVersion(PKG)).toBe(10);
      const opened = cart.headsets.map((h) => h.trace.filter((t) => t.kind === 'open').map((t) => t.detail));
      expect(opened[0]).toContainEqual(expect.stringMatching(/^abb_exec:package\0install\0-S\0\d+$/));
      expect(opened[1]).toContainEqual(expect.stringMatching(/^exec:cmd package 'install' -S \d+$/));
      expect(opened[2]).toContainEqual('sync:');
      expect(opened[2]).toContainEqual(`shell:pm 'install' '/data/local/tmp/demo-10.apk'`);
    } finally {
      await Promise.all(cart.headsets.map((h) => adb.adb(['disconnect', h.serial])));
      await cart.stop();
    }
  });
});
