import type { VrSessionRow } from '../../renderer/src/db/rows';
import type { ScormSessionLocalRow } from '../../renderer/src/db/schema-v7';
import { TENANT } from './local-api-fixture';

/** A completed, self-reported VR session row as the kiosk stores it; `n` makes its id, `at` its start time. */
export function vrSessionRow(userId: string, n: number, at: string, packageId: string, activityId: string | null, tenantId = TENANT): VrSessionRow {
  return {
    id: `5e550000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    package_id: packageId,
    activity_id: activityId,
    tenant_id: tenantId,
    user_id: userId,
    status: 'completed',
    completion_mode: 'self_report',
    attempts: 1,
    download_started_at: at,
    download_completed_at: at,
    first_launch_at: at,
    completed_at: at,
    score: null,
    success_status: null,
    time_spent_seconds: 60,
    self_reported: true,
    created_at: at,
  };
}

/** An incomplete SCORM session row as the kiosk stores it; `n` makes its id, `updatedAt` its last change. */
export function scormSessionRow(userId: string, n: number, updatedAt: string, packageId: string, tenantId = TENANT): ScormSessionLocalRow {
  return {
    id: `session-${String(n).padStart(4, '0')}`,
    tenant_id: tenantId,
    user_id: userId,
    package_id: packageId,
    cmi_data: {},
    completion_status: 'incomplete',
    success_status: 'unknown',
    score: null,
    time_spent_seconds: 0,
    version: 1,
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: updatedAt,
  };
}
