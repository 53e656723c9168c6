import type { Headset } from '../../../shared/headsets/headset';
import type { SideloadJobSpec } from '../../../shared/headsets/sideload-contract';
import type { VrPackageRow } from '../db/rows';

/** Which learner's session (if any) each headset's install is for, by serial. */
export type SessionAssignments = Readonly<Record<string, string | null | undefined>>;

export type InstallPlan =
  | { readonly ok: true; readonly specs: SideloadJobSpec[]; readonly skipped: readonly Headset[] }
  | { readonly ok: false; readonly reason: 'noApk' | 'noHeadsets' };

/**
 * One job per headset that can take one now. The rest are named rather than queued: a headset that is
 * unauthorized or off the cable needs a person, and main would only refuse it anyway.
 */
export function planInstall(pkg: VrPackageRow, headsets: readonly Headset[], sessions: SessionAssignments, newId: () => string): InstallPlan {
  const { apk_sha256, package_name, version_code } = pkg;
  if (!apk_sha256 || !package_name || version_code === undefined) return { ok: false, reason: 'noApk' };
  const ready = headsets.filter((h) => h.state === 'device');
  if (ready.length === 0) return { ok: false, reason: 'noHeadsets' };
  const specs = ready.map(
    (headset): SideloadJobSpec => ({
      job_id: newId(),
      serial: headset.serial,
      package_id: pkg.id,
      vr_session_id: sessions[headset.serial] ?? null,
      apk_sha256,
      package_name,
      version_code,
      target_platforms: [...pkg.target_platforms],
      obb_files: (pkg.obb_files ?? []).map(({ name, sha256 }) => ({ name, sha256 })),
    }),
  );
  return { ok: true, specs, skipped: headsets.filter((h) => h.state !== 'device') };
}
