import type { HeldReason } from '../../../shared/sync/outbox-operation';
import type { PackageOrigin, VrPackageRow } from '../db/rows';

/**
 * Whether the remote knows a package. New rows say so in `origin`. Rows written before the field: both
 * ways of adding a package on the kiosk (APK import, the by-hand form) stamp `imported_at` with a fresh
 * local id, and the catalog pull never sets it, so `imported_at` marks a local package. (`apk_sha256`
 * alone would not: APK details may be merged into a catalog package.)
 */
export function packageOrigin(pkg: Pick<VrPackageRow, 'origin' | 'imported_at'>): PackageOrigin {
  return pkg.origin ?? (pkg.imported_at === undefined ? 'remote' : 'local');
}

/** Operations about a package the remote does not know are held until the package is linked. */
export function heldReasonForPackage(pkg: Pick<VrPackageRow, 'origin' | 'imported_at'> | undefined): HeldReason | undefined {
  return pkg && packageOrigin(pkg) === 'local' ? 'local_package' : undefined;
}
