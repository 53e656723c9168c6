import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApkError, inspectApk, sha256File } from '../../../../main/services/packages/apk-inspector';
import { buildApk } from '../../../fakes/apk-builder';

describe('inspectApk', () => {
  it('reads package name, versions, label, min SDK, launch activity, size and checksum', async () => {
    const built = await buildApk({ packageName: 'org.example.chem', versionCode: 2100, versionName: '2.1.0', label: 'Chemistry Lab', minSdk: 32, launchableActivity: '.LabActivity', sizeBytes: 256 * 1024 });
    try {
      const info = await inspectApk(built.path);
      expect(info).toEqual({
        package_name: 'org.example.chem',
        version_code: 2100,
        version_name: '2.1.0',
        label: 'Chemistry Lab',
        min_sdk: 32,
        launch_activity: expect.stringMatching(/LabActivity$/),
        sha256: await sha256File(built.path),
        size_bytes: 256 * 1024,
      });
      expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await rm(dirname(built.path), { recursive: true, force: true });
    }
  });

  it('refuses files that are not APKs with a clear error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outpost-apk-'));
    try {
      await writeFile(join(dir, 'notes.apk'), 'this is a text file');
      await expect(inspectApk(join(dir, 'notes.apk'))).rejects.toMatchObject({ code: 'NOT_AN_APK' });
      await expect(inspectApk(join(dir, 'missing.apk'))).rejects.toBeInstanceOf(ApkError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
