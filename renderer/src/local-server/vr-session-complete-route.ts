import { completeVrSessionRequestSchema, VR_SESSION_COMPLETED_MESSAGE } from '../../../shared/schemas/vr-session-complete';
import { completeVrSession as completeSession } from '../data/vr-session-complete';
import type { LearnerRow } from '../db/rows';
import { json, vrError } from './api-response';
import type { LocalApiDeps } from './local-api-deps';
import { readJsonBody } from './read-json-body';
import { toApiSession } from './vr-session-view';

/**
 * POST /api/vr-sessions/:id/complete. The body's bounds are the schema's (400 VALIDATION_ERROR); the
 * writes, all in one transaction, are data/vr-session-complete.ts's.
 */
export async function completeVrSession(deps: LocalApiDeps, learner: LearnerRow, sessionId: string, request: Request): Promise<Response> {
  const body = await readJsonBody(request, completeVrSessionRequestSchema);
  const result = await completeSession(deps, learner, sessionId, body);
  if (!result.ok) return vrError(result.error, result.message);
  return json({ session: toApiSession(result.session, result.pkg), message: VR_SESSION_COMPLETED_MESSAGE });
}
