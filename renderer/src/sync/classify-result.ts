import { VR_ERROR_STATUS } from '../../../shared/schemas/api-error';
import type { RemoteResult } from '../../../shared/sync/remote-contract';
import type { OutboxRow } from '../db/rows';
import { createdAttemptIds } from '../data/logger-attempt-ids';
import type { LinkedId } from '../data/logger-attempt-ids';
import { deliveryProblem } from './delivery-schemas';

export type Outcome =
  /** moreIds: further records the request created (a content session update's attempts). */
  | { kind: 'done'; remoteId: string | null; moreIds?: readonly LinkedId[] }
  /** retryAfterMs: the remote said when to come back (Retry-After). */
  | { kind: 'retry'; reason: string; status: number | null; retryAfterMs?: number }
  | { kind: 'auth' }
  | { kind: 'offline' }
  | { kind: 'conflict'; body: unknown }
  /** The remote does not know the package a session was created for: hold, do not refuse (issue 8). */
  | { kind: 'unknown_package'; packageId: string }
  /**
   * Nowhere to send it yet: the remote does not implement an Outpost extension (the headset steps' PATCH),
   * or a statement has no LRS to go to. Kept on the kiosk, held for that reason.
   */
  | { kind: 'unsupported'; reason: 'remote_extension_unsupported' | 'no_lrs' }
  | { kind: 'dead'; status: number; code: string | null; message: string };

function errorOf(body: unknown): { code: string | null; message: string } {
  const b = (body ?? {}) as { code?: unknown; error?: unknown };
  return { code: typeof b.code === 'string' ? b.code : null, message: typeof b.error === 'string' ? b.error : JSON.stringify(body)?.slice(0, 300) ?? '' };
}

/** The id the remote gave a record this operation created, where the API assigns one. */
function remoteIdOf(op: OutboxRow, body: unknown): string | null {
  const b = (body ?? {}) as { session?: { id?: unknown }; session_id?: unknown; lessonPlayId?: unknown };
  if (op.kind === 'vr_session.create' && typeof b.session?.id === 'string') return b.session.id;
  if (op.kind === 'content_session.start' && typeof b.session_id === 'string') return b.session_id;
  if (op.kind === 'lesson_play.create' && typeof b.lessonPlayId === 'string') return b.lessonPlayId;
  return null;
}

const SEED_VR_CODES: ReadonlySet<string> = new Set(Object.keys(VR_ERROR_STATUS));

/**
 * A completion the remote already has: an earlier try landed but its answer was lost (400 in the seed, 409
 * in some remotes). A 409 with no code, or with a code the seed does not define, counts too: the only
 * conflict a completion can meet is a session completed already, so a remote saying "conflict" has it. A
 * 409 with one of the seed's other codes (INVALID_TRANSITION) means what the seed says: a refusal.
 */
function alreadyCompleted(op: OutboxRow, status: number, code: string | null): boolean {
  if (op.kind !== 'vr_session.complete') return false;
  if (code === 'ALREADY_COMPLETED') return status === 400 || status === 409;
  return status === 409 && (code === null || !SEED_VR_CODES.has(code));
}

function classifyAnswer(op: OutboxRow, result: Extract<RemoteResult, { kind: 'response' }>): Outcome {
  const { status, body } = result;
  const wait = result.retry_after_ms === undefined ? {} : { retryAfterMs: result.retry_after_ms };
  if (status >= 200 && status < 300) {
    // Delivered means read: an answer we cannot parse as the API's response might be anyone's (a portal,
    // a proxy, a cut connection), so it is retried under the same idempotency key.
    const problem = result.body_problem ? `HTTP ${status}: ${result.body_problem}` : deliveryProblem(op.kind, status, body);
    if (problem) return { kind: 'retry', reason: problem, status, ...wait };
    return { kind: 'done', remoteId: remoteIdOf(op, body), moreIds: createdAttemptIds(op, body) };
  }
  if (status >= 300 && status < 400) {
    const to = result.location ? ` to ${result.location}` : '';
    return { kind: 'retry', reason: `HTTP ${status}: redirected${to}; writes are never sent on to another address`, status, ...wait };
  }
  if (status === 401) return { kind: 'auth' };
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    if (op.kind === 'vr_session.step' && status === 501) return { kind: 'unsupported', reason: 'remote_extension_unsupported' };
    return { kind: 'retry', reason: `HTTP ${status}`, status, ...wait };
  }
  const error = errorOf(body);
  if (status === 409 && op.kind === 'scorm_session.update') return { kind: 'conflict', body };
  if (alreadyCompleted(op, status, error.code)) return { kind: 'done', remoteId: null };
  if (op.kind === 'vr_session.step' && (status === 404 || status === 405) && error.code !== 'SESSION_NOT_FOUND') return { kind: 'unsupported', reason: 'remote_extension_unsupported' };
  const packageId = (op.body as { package_id?: unknown } | null | undefined)?.package_id;
  if (status === 404 && error.code === 'PACKAGE_NOT_FOUND' && op.kind === 'vr_session.create' && typeof packageId === 'string') return { kind: 'unknown_package', packageId };
  return { kind: 'dead', status, code: error.code, message: error.message };
}

/**
 * What one answer means for an outbox operation. Transport failures, timeouts, redirects, unreadable or
 * wrongly shaped 2xx answers, 408/425/429 and 5xx are retried (honouring Retry-After); 401 pauses
 * everything for a new sign-in; a SCORM 409 goes to the merge; a completion the remote already has counts
 * as delivered; a create for a package the remote does not know holds that package's operations; a statement
 * with no LRS configured is kept on the kiosk; any other
 * 4xx can never succeed as sent and becomes a dead letter the instructor decides about.
 */
export function classifyResult(op: OutboxRow, result: RemoteResult): Outcome {
  // A statement's "not configured" is about the LRS, not the API: it is kept, not waited on as offline.
  if (result.kind === 'not_configured') return op.kind === 'xapi.statement' ? { kind: 'unsupported', reason: 'no_lrs' } : { kind: 'offline' };
  if (result.kind === 'timeout') return { kind: 'retry', reason: 'The remote did not answer in time', status: null };
  if (result.kind === 'network') return { kind: 'retry', reason: result.message, status: null };
  return classifyAnswer(op, result);
}
