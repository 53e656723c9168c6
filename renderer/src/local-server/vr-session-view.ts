import type { VrPackageSummary } from '../../../shared/schemas/vr-package';
import type { VrSession } from '../../../shared/schemas/vr-session';
import type { SessionWithPackage } from '../data/vr-session-queries';
import type { VrPackageRow, VrSessionRow } from '../db/rows';

function summary(pkg: VrPackageRow | undefined, id: string): VrPackageSummary {
  // A package removed from this kiosk's library still has to be named somehow; its id stays exact.
  return pkg ? { id: pkg.id, title: pkg.title, version: pkg.version, target_platforms: pkg.target_platforms } : { id, title: '', version: '', target_platforms: [] };
}

/** A stored row as the seed's API returns it: every field of its example, in its order, package embedded. */
export function toApiSession(row: VrSessionRow, pkg: VrPackageRow | undefined): VrSession {
  return {
    id: row.id,
    package_id: row.package_id,
    activity_id: row.activity_id,
    tenant_id: row.tenant_id,
    user_id: row.user_id,
    status: row.status,
    completion_mode: row.completion_mode,
    attempts: row.attempts,
    download_started_at: row.download_started_at,
    download_completed_at: row.download_completed_at,
    first_launch_at: row.first_launch_at,
    completed_at: row.completed_at,
    score: row.score,
    success_status: row.success_status,
    time_spent_seconds: row.time_spent_seconds,
    self_reported: row.self_reported,
    created_at: row.created_at,
    package: summary(pkg, row.package_id),
  };
}

export function toApiSessions(items: readonly SessionWithPackage[]): VrSession[] {
  return items.map(({ session, pkg }) => toApiSession(session, pkg));
}
