import type { VrCompletionMode, VrSession } from '../schemas/vr-session';
import type { CompleteVrSessionRequest } from '../schemas/vr-session-complete';
import { minutesToSeconds, vrScore } from './vr-score';

/** A VR session as it is stored (the embedded package is joined on read); notes are kept but not echoed. */
export type VrSessionRecord = Omit<VrSession, 'package'> & { notes?: string | null };

export interface NewVrSession {
  readonly id: string;
  readonly packageId: string;
  readonly activityId: string | null;
  readonly tenantId: string;
  readonly userId: string;
  readonly completionMode: VrCompletionMode;
  /** How many sessions this learner already has for the same package/activity. */
  readonly earlierAttempts: number;
  readonly at: string;
}

/**
 * The record POST /api/vr-sessions creates. One function for the local API and the reference server, so
 * both create exactly the same thing.
 */
export function newVrSessionRecord(input: NewVrSession): VrSessionRecord {
  return {
    id: input.id,
    package_id: input.packageId,
    activity_id: input.activityId,
    tenant_id: input.tenantId,
    user_id: input.userId,
    status: 'downloading',
    completion_mode: input.completionMode,
    // A learner repeating a finished experience starts attempt n+1 of the same package/activity.
    attempts: input.earlierAttempts + 1,
    download_started_at: input.at,
    download_completed_at: null,
    first_launch_at: null,
    completed_at: null,
    score: null,
    success_status: null,
    time_spent_seconds: 0,
    self_reported: false,
    created_at: input.at,
    notes: null,
  };
}

/** The record after POST /api/vr-sessions/:id/complete with a validated body. */
export function completedVrSessionRecord<T extends VrSessionRecord>(session: T, body: CompleteVrSessionRequest, at: string): T {
  const { score, success_status } = vrScore(body.score);
  return {
    ...session,
    status: 'completed',
    completed_at: at,
    score,
    success_status,
    time_spent_seconds: body.time_spent_minutes === undefined ? session.time_spent_seconds : minutesToSeconds(body.time_spent_minutes),
    self_reported: true,
    notes: body.notes ?? null,
  };
}
