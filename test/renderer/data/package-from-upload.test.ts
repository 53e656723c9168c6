import { describe, expect, it } from 'vitest';
import { packageFromUpload } from '../../../renderer/src/data/package-from-upload';
import type { VrPackageRow } from '../../../renderer/src/db/rows';
import { storedApk, storedObb } from '../library/stored-files';

const NEW_ID = 'c0ffee00-0000-4000-8000-0000000000aa';
const now = new Date('2026-03-02T09:00:00Z');

describe('packageFromUpload', () => {
  it('builds the library row from what the APK says and the headsets chosen', () => {
    expect(packageFromUpload({ apk: storedApk, obbs: [storedObb] }, ['quest3', 'quest2', 'bogus'], undefined, () => NEW_ID, now)).toEqual({
      ok: true,
      row: {
        id: NEW_ID,
        title: 'Safety VR',
        version: '1.0.7',
        target_platforms: ['quest2', 'quest3'],
        package_name: 'org.example.safety',
        version_code: 7,
        version_name: '1.0.7',
        label: 'Safety VR',
        min_sdk: 29,
        launch_activity: 'org.example.safety.MainActivity',
        apk_sha256: 'a'.repeat(64),
        apk_size_bytes: 8_000_000,
        obb_files: [{ name: 'main.7.org.example.safety.obb', size_bytes: 300, sha256: 'b'.repeat(64) }],
        imported_at: '2026-03-02T09:00:00.000Z',
      },
    });
  });

  it('falls back to the package name and versionCode when the APK has no label or version name', () => {
    const bare = { ...storedApk, apk: { ...storedApk.apk!, label: null, version_name: null, min_sdk: null } };
    const built = packageFromUpload({ apk: bare, obbs: [] }, ['quest3'], undefined, () => NEW_ID, now);
    expect(built).toMatchObject({ ok: true, row: { title: 'org.example.safety', version: '7' } });
    expect(built.ok && 'label' in built.row).toBe(false);
  });

  it('updates the row of the same version in place, keeping its OBBs unless replaced by name', () => {
    const existing: VrPackageRow = {
      id: 'c0ffee00-0000-4000-8000-000000000003',
      title: 'Old title',
      version: '1.0.7',
      target_platforms: ['quest3'],
      package_name: 'org.example.safety',
      version_code: 7,
      obb_files: [
        { name: 'main.7.org.example.safety.obb', size_bytes: 1, sha256: 'c'.repeat(64) },
        { name: 'patch.7.org.example.safety.obb', size_bytes: 2, sha256: 'd'.repeat(64) },
      ],
    };
    const built = packageFromUpload({ apk: storedApk, obbs: [storedObb] }, ['quest3s'], existing, () => NEW_ID, now);
    expect(built).toMatchObject({ ok: true, row: { id: existing.id, title: 'Safety VR', target_platforms: ['quest3s'] } });
    expect(built.ok && built.row.obb_files).toEqual([
      { name: 'patch.7.org.example.safety.obb', size_bytes: 2, sha256: 'd'.repeat(64) },
      { name: 'main.7.org.example.safety.obb', size_bytes: 300, sha256: 'b'.repeat(64) },
    ]);
  });

  it('refuses without a headset model, for a non-APK, and for details the library cannot hold', () => {
    expect(packageFromUpload({ apk: storedApk, obbs: [] }, [], undefined, () => NEW_ID, now)).toEqual({ ok: false, problem: 'platformsRequired' });
    expect(packageFromUpload({ apk: storedObb, obbs: [] }, ['quest3'], undefined, () => NEW_ID, now)).toEqual({ ok: false, problem: 'notAnApk' });
    const zero = { ...storedApk, apk: { ...storedApk.apk!, version_code: 0 } };
    expect(packageFromUpload({ apk: zero, obbs: [] }, ['quest3'], undefined, () => NEW_ID, now)).toEqual({ ok: false, problem: 'invalidDetails' });
  });
});
