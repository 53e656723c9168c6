import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApkError, inspectApk, sha256File } from '../../../../main/services/packages/apk-inspector';
import { buildApk } from '../../../fakes/apk-builder';
import { manifestWithInflatedPool, writeApk } from './hostile-apk';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-apk-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('inspectApk', () => {
  it('reads package name, versions, label, SDKs, launch activity, native code, size and checksum', async () => {
    const built = await buildApk({ packageName: 'org.example.chem', versionCode: 2100, versionName: '2.1.0', label: 'Chemistry Lab', minSdk: 32, targetSdk: 34, launchableActivity: '.LabActivity', sizeBytes: 256 * 1024, nativeAbis: ['arm64-v8a'] });
    try {
      const info = await inspectApk(built.path);
      expect(info).toEqual({
        package_name: 'org.example.chem',
        version_code: 2100,
        version_name: '2.1.0',
        label: 'Chemistry Lab',
        min_sdk: 32,
        target_sdk: 34,
        launch_activity: '.LabActivity',
        native_abis: ['arm64-v8a'],
        warnings: [],
        signature_hash: null,
        sha256: await sha256File(built.path),
        size_bytes: 256 * 1024,
      });
    } finally {
      await rm(dirname(built.path), { recursive: true, force: true });
    }
  });

  it('warns about an APK with no launcher activity or native code without arm64', async () => {
    const built = await buildApk({ packageName: 'org.example.service', versionCode: 1, versionName: '1', label: 'Svc', minSdk: 29, launchableActivity: null, nativeAbis: ['x86_64', 'armeabi-v7a'] });
    try {
      expect(await inspectApk(built.path)).toMatchObject({ launch_activity: null, native_abis: ['x86_64', 'armeabi-v7a'], warnings: ['NO_LAUNCHER_ACTIVITY', 'NO_ARM64_CODE'] });
    } finally {
      await rm(dirname(built.path), { recursive: true, force: true });
    }
  });

  it('refuses files that are not APKs with a clear error', async () => {
    await writeFile(join(dir, 'notes.apk'), 'this is a text file');
    await expect(inspectApk(join(dir, 'notes.apk'))).rejects.toMatchObject({ code: 'NOT_AN_APK' });
    await expect(inspectApk(join(dir, 'missing.apk'))).rejects.toBeInstanceOf(ApkError);
  });

  it('reads a 4 KB APK whose string pool has a million entries pointing at one string without building them', async () => {
    const path = join(dir, 'pool.apk');
    await writeApk(path, manifestWithInflatedPool(1_000_000));
    expect((await stat(path)).size).toBeLessThan(8 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    expect(await inspectApk(path)).toMatchObject({ package_name: 'org.example.hostile', version_code: 1 });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a 1 MB APK whose manifest inflates to 1 GiB before inflating it', async () => {
    const path = join(dir, 'bomb.apk');
    await writeApk(path, { zeros: 1024 ** 3 });
    expect((await stat(path)).size).toBeLessThan(2 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    await expect(inspectApk(path)).rejects.toMatchObject({ code: 'NOT_AN_APK', message: expect.stringMatching(/manifest is 1073741824 bytes/) });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  it('refuses a manifest whose fields do not validate (package name, versionCode)', async () => {
    const built = await buildApk({ packageName: 'not a package', versionCode: 1, versionName: '1', label: 'x', minSdk: 29, launchableActivity: null, outPath: join(dir, 'badname.apk') });
    await expect(inspectApk(built.path)).rejects.toMatchObject({ code: 'NO_PACKAGE_NAME', message: expect.stringMatching(/package/) });
  });
});
