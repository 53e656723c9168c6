import { createRequire } from 'node:module';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open as openZip } from 'yauzl';
import type { Entry } from 'yauzl';
import { buildApk } from './apk-builder';

// The builder is only useful if a third-party APK parser agrees with it, so the
// manifest is checked with @devicefarmer/adbkit-apkreader, not our own reader.

interface ApkReaderManifest {
  package: string;
  versionCode: number;
  versionName: string;
  usesSdk: { minSdkVersion: number; targetSdkVersion: number };
  application: { label: string; launcherActivities: Array<{ name: string }> };
}
interface ApkReaderModule {
  open(path: string): PromiseLike<{ readManifest(): PromiseLike<ApkReaderManifest> }>;
}
const apkReader = createRequire(import.meta.url)('@devicefarmer/adbkit-apkreader') as ApkReaderModule;

function zipEntries(path: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    openZip(path, { lazyEntries: false }, (error, zip) => {
      if (error !== null) return reject(error);
      const entries: Entry[] = [];
      zip.on('entry', (entry: Entry) => entries.push(entry));
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
    });
  });
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-apk-builder-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('buildApk', () => {
  it('writes a binary manifest that adbkit-apkreader parses', async () => {
    const apk = await buildApk({
      packageName: 'com.outpost.sample',
      versionCode: 4021,
      versionName: '4.2.1-beta',
      label: 'Sample Ünïcode',
      minSdk: 29,
      targetSdk: 32,
      launchableActivity: 'com.outpost.sample.MainActivity',
      outPath: join(dir, 'sample.apk'),
    });
    const manifest = await (await apkReader.open(apk.path)).readManifest();
    expect(manifest.package).toBe('com.outpost.sample');
    expect(manifest.versionCode).toBe(4021);
    expect(manifest.versionName).toBe('4.2.1-beta');
    expect(manifest.usesSdk).toMatchObject({ minSdkVersion: 29, targetSdkVersion: 32 });
    expect(manifest.application.label).toBe('Sample Ünïcode');
    expect(manifest.application.launcherActivities.map((a) => a.name)).toEqual(['com.outpost.sample.MainActivity']);
    const entries = await zipEntries(apk.path);
    expect(entries.map((e) => [e.fileName, e.compressionMethod])).toEqual([['AndroidManifest.xml', 8]]);
  });

  it('has no launcher activity when asked for none', async () => {
    const apk = await buildApk({
      packageName: 'com.outpost.service',
      versionCode: 1,
      versionName: '1',
      label: 'Headless',
      minSdk: 29,
      launchableActivity: null,
      outPath: join(dir, 'headless.apk'),
    });
    const manifest = await (await apkReader.open(apk.path)).readManifest();
    expect(manifest.application.launcherActivities).toEqual([]);
  });

  it('pads to an exact size with a stored, incompressible entry', async () => {
    const sizeBytes = 6 * 1024 * 1024 + 123;
    const apk = await buildApk({
      packageName: 'com.outpost.big',
      versionCode: 7,
      versionName: '7',
      label: 'Big',
      minSdk: 29,
      launchableActivity: '.Main',
      sizeBytes,
      outPath: join(dir, 'big.apk'),
    });
    expect(apk.sizeBytes).toBe(sizeBytes);
    expect((await stat(apk.path)).size).toBe(sizeBytes);
    const padding = (await zipEntries(apk.path)).find((e) => e.fileName === 'assets/padding.bin');
    expect(padding?.compressionMethod).toBe(0);
    expect((await (await apkReader.open(apk.path)).readManifest()).package).toBe('com.outpost.big');
  });
});
