import type { SideloadJobSpec } from '../../../shared/headsets/sideload-contract';
import type { SideloadJobRow, VrPackageRow } from '../db/rows';

/** The refusal that only removing the headset's copy (signed by someone else) can get past. */
export const SIGNATURE_MISMATCH = 'INSTALL_FAILED_UPDATE_INCOMPATIBLE';

/**
 * The same install again on the same headset, for the same learner's session, with the instructor's
 * "uninstall the other copy first" (which also removes that copy's data on the headset). Null when the
 * library row no longer has the APK to send.
 */
export function uninstallFirstSpec(job: SideloadJobRow, pkg: VrPackageRow, newId: () => string): SideloadJobSpec | null {
  const { apk_sha256, package_name, version_code } = pkg;
  if (!apk_sha256 || !package_name || version_code === undefined) return null;
  return {
    job_id: newId(),
    serial: job.serial,
    package_id: pkg.id,
    vr_session_id: job.vr_session_id,
    apk_sha256,
    package_name,
    version_code,
    target_platforms: [...pkg.target_platforms],
    obb_files: (pkg.obb_files ?? []).map(({ name, sha256 }) => ({ name, sha256 })),
    uninstall_first: true,
  };
}
