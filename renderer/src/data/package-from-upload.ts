import type { StoredFile } from '../../../shared/headsets/sideload-contract';
import { VR_TARGET_PLATFORMS, vrPackageRecordSchema } from '../../../shared/schemas/vr-package';
import type { ObbFile, VrTargetPlatform } from '../../../shared/schemas/vr-package';
import type { VrPackageRow } from '../db/rows';

/** The headsets a new Quest app usually targets; Quest 1 and Pro are opt-in. */
export const DEFAULT_IMPORT_PLATFORMS: readonly VrTargetPlatform[] = ['quest2', 'quest3', 'quest3s'];

export interface UploadedPackage {
  readonly apk: StoredFile;
  readonly obbs: readonly StoredFile[];
}

export type PackageFromUpload = { readonly ok: true; readonly row: VrPackageRow } | { readonly ok: false; readonly problem: 'platformsRequired' | 'notAnApk' | 'invalidDetails' };

const isPlatform = (value: string): value is VrTargetPlatform => (VR_TARGET_PLATFORMS as readonly string[]).includes(value);

/**
 * The library row for an uploaded APK. Re-importing the same package_name + versionCode updates that row
 * (sessions and jobs keep pointing at it) instead of adding a twin; OBBs from before are kept unless a
 * file of the same name replaces them.
 */
export function packageFromUpload(upload: UploadedPackage, platforms: readonly string[], existing: VrPackageRow | undefined, newId: () => string, now: Date): PackageFromUpload {
  const info = upload.apk.apk;
  if (upload.apk.kind !== 'apk' || !info) return { ok: false, problem: 'notAnApk' };
  const targets = VR_TARGET_PLATFORMS.filter((p) => platforms.filter(isPlatform).includes(p));
  if (targets.length === 0) return { ok: false, problem: 'platformsRequired' };
  const dropped: ObbFile[] = upload.obbs.map((f) => ({ name: f.file_name, size_bytes: f.size_bytes, sha256: f.sha256 }));
  const kept = (existing?.obb_files ?? []).filter((old) => !dropped.some((f) => f.name === old.name));
  const row: VrPackageRow = {
    ...existing,
    id: existing?.id ?? newId(),
    title: info.label ?? info.package_name,
    version: info.version_name ?? String(info.version_code),
    target_platforms: targets,
    package_name: info.package_name,
    version_code: info.version_code,
    ...(info.version_name !== null ? { version_name: info.version_name } : {}),
    ...(info.label !== null ? { label: info.label } : {}),
    ...(info.min_sdk !== null ? { min_sdk: info.min_sdk } : {}),
    ...(info.launch_activity !== null ? { launch_activity: info.launch_activity } : {}),
    apk_sha256: upload.apk.sha256,
    apk_size_bytes: upload.apk.size_bytes,
    obb_files: [...kept, ...dropped],
    imported_at: now.toISOString(),
  };
  // versionCode 0, a min_sdk of 0 and the like are legal in a manifest but not in the library's schema.
  return vrPackageRecordSchema.safeParse(row).success ? { ok: true, row } : { ok: false, problem: 'invalidDetails' };
}
