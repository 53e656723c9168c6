import type { StoredFile } from '../../../shared/headsets/sideload-contract';

/** What main's store answers for the Safety APK (8 MB, versionCode 7). */
export const storedApk: StoredFile = {
  kind: 'apk',
  sha256: 'a'.repeat(64),
  size_bytes: 8_000_000,
  file_name: 'safety.apk',
  apk: { package_name: 'org.example.safety', version_code: 7, version_name: '1.0.7', label: 'Safety VR', min_sdk: 29, launch_activity: 'org.example.safety.MainActivity' },
};

export const storedObb: StoredFile = { kind: 'obb', sha256: 'b'.repeat(64), size_bytes: 300, file_name: 'main.7.org.example.safety.obb', apk: null };
