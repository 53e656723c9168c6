import type { RemoteResult } from '../../../shared/sync/remote-contract';
import type { OutboxRow } from '../db/rows';
import { createdAttemptIds } from '../data/logger-attempt-ids';
import type { LinkedId } from '../data/logger-attempt-ids';

export type Outcome =
  /** moreIds: further records the request created (a content session update's attempts). */
  | { kind: 'done'; remoteId: string | null; moreIds?: readonly LinkedId[] }
  | { kind: 'retry'; reason: string; status: number | null }
  | { kind: 'auth' }
  | { kind: 'offline' }
  | { kind: 'conflict'; body: unknown }
  /** The remote does not know the package a session was created for: hold, do not refuse (issue 8). */
  | { kind: 'unknown_package'; packageId: string }
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

/**
 * What one answer means for an outbox operation. Transport failures, timeouts, 408/425/429 and 5xx are
 * retried; 401 pauses everything for a new sign-in; a SCORM 409 goes to the merge; a completion the
 * remote already has (an earlier try landed but its answer was lost) counts as delivered; any other 4xx
 * can never succeed as sent and becomes a dead letter the user decides about, except a create for a package
 * the remote does not know: that package is kept local and its operations held until it is linked.
 */
export function classifyResult(op: OutboxRow, result: RemoteResult): Outcome {
  if (result.kind === 'not_configured') return { kind: 'offline' };
  if (result.kind === 'timeout') return { kind: 'retry', reason: 'The remote did not answer in time', status: null };
  if (result.kind === 'network') return { kind: 'retry', reason: result.message, status: null };
  const { status, body } = result;
  if (status >= 200 && status < 300) return { kind: 'done', remoteId: remoteIdOf(op, body), moreIds: createdAttemptIds(op, body) };
  if (status === 401) return { kind: 'auth' };
  if (status === 408 || status === 425 || status === 429 || status >= 500) return { kind: 'retry', reason: `HTTP ${status}`, status };
  const error = errorOf(body);
  if (status === 409 && op.kind === 'scorm_session.update') return { kind: 'conflict', body };
  if (status === 400 && error.code === 'ALREADY_COMPLETED' && op.kind === 'vr_session.complete') return { kind: 'done', remoteId: null };
  const packageId = (op.body as { package_id?: unknown } | null | undefined)?.package_id;
  if (status === 404 && error.code === 'PACKAGE_NOT_FOUND' && op.kind === 'vr_session.create' && typeof packageId === 'string') return { kind: 'unknown_package', packageId };
  return { kind: 'dead', status, code: error.code, message: error.message };
}
