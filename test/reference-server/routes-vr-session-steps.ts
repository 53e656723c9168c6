import { vrSessionStepRequestSchema } from '../../shared/sync/vr-session-step';
import type { VrSessionRecord } from './records';
import { COLLECTIONS } from './records';
import { reply, vrFailure } from './reply';
import type { Reply } from './reply';
import type { RosterLearner } from './auth';
import type { RouteContext } from './server-deps';
import { vrBody } from './validate';

const ORDER = ['downloading', 'downloaded', 'in_progress', 'completed'] as const;
type Stamp = 'download_started_at' | 'download_completed_at' | 'first_launch_at';
const STAMPS: readonly Stamp[] = ['download_started_at', 'download_completed_at', 'first_launch_at'];

/**
 * Outpost's extension, PATCH /api/vr-sessions/:sessionId (docs/api/vr-sessions.md#headset-steps). A
 * step moves the session forward only; one that arrives after a later step (the kiosk was offline and
 * the completion went first) changes no status and only fills in the timestamps the session lacks. A
 * stamp already recorded is never overwritten, so a resend changes nothing.
 */
export function stepSession(ctx: RouteContext, learner: RosterLearner, toApi: (row: VrSessionRecord) => unknown): Reply {
  const body = vrBody(ctx, vrSessionStepRequestSchema);
  const table = ctx.deps.store.collection<VrSessionRecord>(COLLECTIONS.vrSessions);
  const session = table.get(ctx.params.sessionId ?? '');
  if (!session || session.user_id !== learner.id) throw vrFailure('SESSION_NOT_FOUND', 'VR session not found');
  const forward = ORDER.indexOf(body.status) > ORDER.indexOf(session.status);
  const stamps = Object.fromEntries(STAMPS.map((stamp) => [stamp, session[stamp] ?? body[stamp]]));
  const next: VrSessionRecord = { ...session, ...stamps, ...(forward ? { status: body.status } : {}) };
  table.put(next);
  return reply(200, { session: toApi(next) });
}
