import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdbkitHeadsetBridge } from '../../../../main/services/headsets/adbkit-headset-bridge';
import type { AttachedDevice } from '../../../../main/services/headsets/headset-bridge';
import { buildApk } from '../../../fakes/apk-builder';
import type { BuiltApk } from '../../../fakes/apk-builder';
import { startPrivateAdbServer, startQuestHeadset } from '../../../fakes/quest-adbd';
import type { PrivateAdbServer, QuestHeadset } from '../../../fakes/quest-adbd';

let adb: PrivateAdbServer;
let quest3: QuestHeadset;
let apk: BuiltApk;
let bridge: AdbkitHeadsetBridge;

beforeAll(async () => {
  adb = await startPrivateAdbServer();
  quest3 = await startQuestHeadset({ model: 'Quest 3', battery: { level: 64 } });
  await adb.connect(quest3.serial);
  bridge = new AdbkitHeadsetBridge({ host: '127.0.0.1', port: adb.port, adbPath: adb.adbPath });
  apk = await buildApk({ packageName: 'org.example.safety', versionCode: 1042, versionName: '1.4.2', label: 'Safety VR', minSdk: 29, launchableActivity: '.MainActivity', sizeBytes: 3 * 1024 * 1024 });
}, 60_000);

afterAll(async () => {
  await quest3?.stop();
  await adb?.stop();
  if (apk) await rm(dirname(apk.path), { recursive: true, force: true });
});

describe('AdbkitHeadsetBridge against the real adb server', () => {
  it('lists the connected headset and describes it', async () => {
    expect(await bridge.list()).toContainEqual({ serial: quest3.serial, state: 'device' });
    const details = await bridge.describe(quest3.serial);
    expect(details.model).toBe('Quest 3');
    expect(details.batteryLevel).toBe(64);
    expect(details.freeBytes).toBeGreaterThan(0);
    expect(details.totalBytes).toBeGreaterThan(details.freeBytes ?? 0);
  });

  it('pushes with byte progress, installs and verifies the versionCode, then launches into the foreground', async () => {
    const progress: number[] = [];
    const remote = '/data/local/tmp/outpost-test.apk';
    await bridge.push(quest3.serial, apk.path, remote, { onProgress: (bytes) => progress.push(bytes) });
    expect(progress.at(-1)).toBe(apk.sizeBytes);
    expect(progress.length).toBeGreaterThan(2);
    expect(await bridge.remoteSize(quest3.serial, remote)).toBe(apk.sizeBytes);
    expect(await bridge.install(quest3.serial, remote, ['-r'])).toEqual({ ok: true });
    expect(await bridge.installedVersion(quest3.serial, 'org.example.safety')).toBe(1042n);
    expect((await bridge.describe(quest3.serial)).installed).toContainEqual({ package_name: 'org.example.safety', version_code: 1042n });
    expect(await bridge.launch(quest3.serial, 'org.example.safety', '.MainActivity')).toEqual({ ok: true, via: 'am_start' });
    expect(await bridge.foregroundPackage(quest3.serial)).toBe('org.example.safety');
  });

  it('falls back to monkey when the activity is unknown, and reports install failures by code', async () => {
    expect(await bridge.launch(quest3.serial, 'org.example.safety', '.Nope')).toEqual({ ok: true, via: 'monkey' });
    quest3.faults.forcedInstallFailure = 'INSTALL_FAILED_INTERNAL_ERROR';
    try {
      expect(await bridge.install(quest3.serial, '/data/local/tmp/outpost-test.apk', ['-r'])).toMatchObject({ ok: false, code: 'INSTALL_FAILED_INTERNAL_ERROR' });
    } finally {
      quest3.faults.forcedInstallFailure = null;
    }
  });

  it('cancels a transfer in flight', async () => {
    quest3.faults.throttleBytesPerSecond = 512 * 1024;
    try {
      const controller = new AbortController();
      const pushing = bridge.push(quest3.serial, apk.path, '/data/local/tmp/cancelled.apk', {
        signal: controller.signal,
        onProgress: (bytes) => {
          if (bytes > 256 * 1024) controller.abort(new Error('stopped by instructor'));
        },
      });
      await expect(pushing).rejects.toThrow('stopped by instructor');
    } finally {
      quest3.faults.throttleBytesPerSecond = null;
    }
  });

  it('tracks headsets appearing, turning unauthorized and leaving', async () => {
    const seen: Array<readonly AttachedDevice[]> = [];
    const waitFor = (predicate: (devices: readonly AttachedDevice[]) => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => (seen.some(predicate) ? resolve() : setTimeout(check, 25));
        check();
      });
    const stop = await bridge.track((devices) => seen.push(devices));
    const quest2 = await startQuestHeadset({ model: 'Quest 2', faults: { unauthorized: true } });
    try {
      await adb.adb(['connect', quest2.serial]);
      await waitFor((devices) => devices.some((d) => d.serial === quest2.serial && d.state === 'unauthorized'));
      const unauthorizedAt = seen.findIndex((devices) => devices.some((d) => d.serial === quest2.serial && d.state === 'unauthorized'));
      expect(unauthorizedAt).toBeGreaterThanOrEqual(0);
      await adb.adb(['disconnect', quest2.serial]);
      await waitFor((devices) => seen.length > 1 && !devices.some((d) => d.serial === quest2.serial));
      // The list that dropped it came after the one that showed it unauthorized.
      expect(seen.slice(unauthorizedAt + 1).some((devices) => !devices.some((d) => d.serial === quest2.serial))).toBe(true);
    } finally {
      stop();
      await quest2.stop();
    }
  });
});
