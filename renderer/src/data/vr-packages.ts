import type { VrTargetPlatform } from '../../../shared/schemas/vr-package';
import type { OutpostDb } from '../db/outpost-db';
import type { VrPackageRow } from '../db/rows';
import { packageFromUpload } from './package-from-upload';
import type { PackageFromUpload, UploadedPackage } from './package-from-upload';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';
import { packageOrigin } from './vr-package-origin';

/** The library row of one APK release, if imported before: package_name + versionCode name a release. */
export function findPackageVersion(db: OutpostDb, packageName: string, versionCode: number): Promise<VrPackageRow | undefined> {
  return db.vrPackages.where('package_name').equals(packageName).filter((p) => p.version_code === versionCode).first();
}

export type SavedImport = { readonly ok: true; readonly row: VrPackageRow; readonly updated: boolean } | Extract<PackageFromUpload, { ok: false }>;

/**
 * Saves an uploaded APK as a library row. The release is looked up again inside the write: another window
 * may have imported the same version meanwhile. A new row is `local` (the remote has never heard of its
 * id); updating a row keeps its origin, so re-importing a linked package's APK keeps it remote.
 */
export async function saveImportedPackage(ports: DataPorts, guard: InstructorGuard, upload: UploadedPackage, platforms: readonly string[]): Promise<SavedImport> {
  await guard.require();
  const { db } = ports;
  return db.transaction('rw', db.vrPackages, async () => {
    const info = upload.apk.apk;
    const existing = info ? await findPackageVersion(db, info.package_name, info.version_code) : undefined;
    const result = packageFromUpload(upload, platforms, existing, ports.newId, ports.now());
    if (!result.ok) return result;
    const row: VrPackageRow = { ...result.row, origin: existing ? packageOrigin(existing) : 'local' };
    await db.vrPackages.put(row);
    return { ok: true, row, updated: existing !== undefined };
  });
}

export interface ManualPackage {
  readonly title: string;
  readonly version: string;
  readonly target_platforms: readonly VrTargetPlatform[];
}

/** A package added by hand (an app already on the headsets, with no APK): local until linked. */
export async function addManualPackage(ports: DataPorts, guard: InstructorGuard, input: ManualPackage): Promise<VrPackageRow> {
  await guard.require();
  const row: VrPackageRow = {
    id: ports.newId(),
    title: input.title,
    version: input.version,
    target_platforms: [...input.target_platforms],
    imported_at: ports.now().toISOString(),
    origin: 'local',
  };
  await ports.db.vrPackages.add(row);
  return row;
}
