import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePackageSignatures } from '../../../main/services/headsets/adb-output';
import { buildApk } from '../apk-builder';
import { startPrivateAdbServer, startQuestHeadset } from './index';
import type { PrivateAdbServer, QuestHeadset } from './index';

// The emulated headsets against outputs real Quest headsets printed, as recorded in public sources
// (listed in docs/headsets/emulator-fidelity.md). Only what the recordings show is compared.

/** `adb shell getprop | grep -E "ro.build.version|ro.product.model"` on a Quest 2 (Android 12 build). */
const QUEST2_GETPROP = `[ro.build.version.min_supported_target_sdk]: [23]
[ro.build.version.release]: [12]
[ro.build.version.sdk]: [32]
[ro.product.model]: [Quest 2]`;

/** The same on a Quest 3 after its move to Android 14. */
const QUEST3_ANDROID14_GETPROP = `[ro.build.version.min_supported_target_sdk]: [28]
[ro.build.version.release]: [14]
[ro.build.version.sdk]: [34]
[ro.product.model]: [Quest 3]`;

/** Lines of a real `dumpsys package` (Android 11) around the signatures, and the pre-Android-9 form. */
const RECORDED_SIGNATURES = `        lastUpdateTime=2021-08-25 13:27:56
        signatures=PackageSignatures{ffe9d7e version:3, signatures:[f4ae824f], past signatures:[]}
        installPermissionsFixed=false`;
const RECORDED_LEGACY_SIGNATURES = '    signatures=PackageSignatures{2cb80c0 [a2b14acf]}';

const KEYS = ['ro.build.version.min_supported_target_sdk', 'ro.build.version.release', 'ro.build.version.sdk', 'ro.product.model'];

let adb: PrivateAdbServer;
let quest2: QuestHeadset;
let quest3: QuestHeadset;

beforeAll(async () => {
  adb = await startPrivateAdbServer();
  quest2 = await startQuestHeadset({ model: 'Quest 2' });
  quest3 = await startQuestHeadset({ model: 'Quest 3', sdk: 34, release: '14' });
  await Promise.all([adb.connect(quest2.serial), adb.connect(quest3.serial)]);
}, 60_000);

afterAll(async () => {
  await quest2?.stop();
  await quest3?.stop();
  await adb?.stop();
});

async function versionProps(serial: string): Promise<string> {
  const { stdout } = await adb.adb(['-s', serial, 'shell', 'getprop']);
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => KEYS.some((key) => line.startsWith(`[${key}]:`)))
    .sort()
    .join('\n');
}

describe('emulated headsets against recorded Quest output', () => {
  it('reports the Android version properties a Quest 2 reports', async () => {
    expect(await versionProps(quest2.serial)).toBe(QUEST2_GETPROP);
  });

  it('reports the Android version properties a Quest 3 on Android 14 reports', async () => {
    expect(await versionProps(quest3.serial)).toBe(QUEST3_ANDROID14_GETPROP);
  });

  it('lists package signatures in the recorded form and place, which our parser reads', async () => {
    const built = await buildApk({ packageName: 'org.example.fidelity', versionCode: 1, versionName: '1', label: 'F', minSdk: 29, launchableActivity: null, signingCertificate: Buffer.from('308201', 'hex') });
    try {
      await adb.adb(['-s', quest2.serial, 'install', built.path]);
      const { stdout } = await adb.adb(['-s', quest2.serial, 'shell', 'dumpsys', 'package', 'org.example.fidelity']);
      const lines = stdout.split('\n').map((l) => l.trim());
      const at = lines.findIndex((l) => l.startsWith('signatures=PackageSignatures{'));
      const shape = /^signatures=PackageSignatures\{[0-9a-f]+ version:\d, signatures:\[[0-9a-f]{1,8}(, [0-9a-f]{1,8})*\], past signatures:\[\]\}$/;
      expect(lines[at]).toMatch(shape);
      expect(RECORDED_SIGNATURES.split('\n')[1]!.trim()).toMatch(shape);
      expect(lines[at - 1]).toMatch(/^lastUpdateTime=/);
      expect(parsePackageSignatures(stdout)).toHaveLength(1);
    } finally {
      await rm(dirname(built.path), { recursive: true, force: true });
    }
    expect(parsePackageSignatures(RECORDED_SIGNATURES)).toEqual(['f4ae824f']);
    expect(parsePackageSignatures(RECORDED_LEGACY_SIGNATURES)).toEqual(['a2b14acf']);
  });
});
