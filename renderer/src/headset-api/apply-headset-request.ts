import type { HeadsetApiRequest, HeadsetApiRespond } from '../../../shared/headset-api/headset-api-relay';
import { HEADSET_BODY_SCHEMAS } from '../../../shared/headset-api/headset-api-wire';
import { VR_ERROR_STATUS } from '../../../shared/schemas/api-error';
import { VR_SESSION_COMPLETED_MESSAGE } from '../../../shared/schemas/vr-session-complete';
import { completeVrSessionFromHeadset, recordHeadsetEvent, recordHeadsetProgress } from '../data/vr-sessions';
import type { HeadsetWrite } from '../data/vr-sessions';
import type { CompletionPorts } from '../data/vr-completion-statement';

/** What the headset may learn about its session: no learner name, notes or ids beyond its own. */
function headsetView(session: Extract<HeadsetWrite, { ok: true }>['session']) {
  return {
    id: session.id,
    status: session.status,
    score: session.score,
    success_status: session.success_status,
    time_spent_seconds: session.time_spent_seconds,
    completed_at: session.completed_at,
    self_reported: session.self_reported,
    progress: session.headset_progress ?? null,
  };
}

/**
 * Applies one headset request main has already authenticated and checked, through the data layer, and
 * builds the answer in the seed's shapes and status codes. The body is parsed again here: the renderer
 * trusts nothing it did not check.
 */
export async function applyHeadsetRequest(ports: CompletionPorts, request: HeadsetApiRequest): Promise<HeadsetApiRespond> {
  const answer = (status: number, body: Record<string, unknown>, sessionEnded = false): HeadsetApiRespond => ({ id: request.id, status, body, ...(sessionEnded ? { session_ended: true } : {}) });
  const parsed = HEADSET_BODY_SCHEMAS[request.action].safeParse(request.body);
  if (!parsed.success) return answer(400, { error: 'Invalid request body', code: 'VALIDATION_ERROR' });
  let written: HeadsetWrite;
  try {
    if (request.action === 'complete') written = await completeVrSessionFromHeadset(ports, request.session_id, HEADSET_BODY_SCHEMAS.complete.parse(parsed.data));
    else if (request.action === 'progress') written = await recordHeadsetProgress(ports, request.session_id, HEADSET_BODY_SCHEMAS.progress.parse(parsed.data).progress);
    else written = await recordHeadsetEvent(ports, request.session_id, HEADSET_BODY_SCHEMAS.events.parse(parsed.data));
  } catch {
    return answer(500, { error: 'The kiosk could not record this', code: 'DB_ERROR' });
  }
  if (!written.ok) return answer(VR_ERROR_STATUS[written.error], { error: written.message, code: written.error }, written.error === 'ALREADY_COMPLETED');
  if (request.action === 'complete') return answer(200, { session: headsetView(written.session), message: VR_SESSION_COMPLETED_MESSAGE }, true);
  return answer(200, { session: headsetView(written.session) });
}
