import { VR_ERROR_STATUS } from '../../shared/schemas/api-error';
import type { LessonPlayError, VrApiError, VrErrorCode } from '../../shared/schemas/api-error';

/** A response before it becomes one: kept as data so it can be stored with a write and replayed. */
export interface Reply {
  readonly status: number;
  /** undefined sends no body (204). */
  readonly body?: unknown;
}

/**
 * Thrown from inside a route's transaction to answer with an error; throwing (rather than returning)
 * is what rolls the transaction back, so a refused request never leaves half a write behind.
 */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`Reply ${reply.status}`);
    this.name = 'ReplyError';
  }
}

export function reply(status: number, body?: unknown): Reply {
  return body === undefined ? { status } : { status, body };
}

/** The VR and catalog APIs: the seed's code, with the seed's status for it. */
export function vrFailure(code: VrErrorCode, message: string, details?: unknown): ReplyError {
  const body: VrApiError = details === undefined ? { error: message, code } : { error: message, code, details };
  return new ReplyError({ status: VR_ERROR_STATUS[code], body });
}

/** SCORM, progress tracking and xAPI have no documented error body; they get the VR APIs' {error, code}. */
export function codedFailure(status: number, code: string, message: string, details?: unknown): ReplyError {
  return new ReplyError({ status, body: details === undefined ? { error: message, code } : { error: message, code, details } });
}

/** The lesson-plays API answers {error} only; clients match on the seed's exact messages. */
export function lessonPlayFailure(status: number, message: string, details?: string): ReplyError {
  const body: LessonPlayError = details === undefined ? { error: message } : { error: message, details };
  return new ReplyError({ status, body });
}

/** Which error shape a route family answers unexpected failures with. */
export type ErrorFamily = 'vr' | 'coded' | 'lesson-plays';

export function internalErrorReply(family: ErrorFamily): Reply {
  if (family === 'vr') return vrFailure('DB_ERROR', 'Database error').reply;
  if (family === 'lesson-plays') return { status: 500, body: { error: 'Internal Server Error' } };
  return { status: 500, body: { error: 'Internal Server Error', code: 'INTERNAL' } };
}
