/**
 * Failures of one headset that are not Android's own codes. They end that headset's job (or leave its
 * details unknown); they never reach the process as uncaught errors.
 */
export type HeadsetFailureCode = 'HEADSET_NOT_ANSWERING' | 'HEADSET_OUTPUT_TOO_LARGE';

/** The sentence every stall, timeout and silent headset ends in (the renderer words it from the code). */
export const NOT_ANSWERING_MESSAGE = 'The headset stopped answering';

export class HeadsetCommandError extends Error {
  constructor(
    readonly code: HeadsetFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'HeadsetCommandError';
  }
}

export function notAnswering(detail: string): HeadsetCommandError {
  return new HeadsetCommandError('HEADSET_NOT_ANSWERING', `${NOT_ANSWERING_MESSAGE} (${detail})`);
}

/**
 * Errors that mean "this connection broke", from Node sockets and streams or from the ADB client's
 * protocol reader. They say nothing about the state of our own program, so a process may log them and go
 * on serving; anything else is a bug and keeps Node's default (fatal) handling.
 */
const CONNECTION_CODES = new Set([
  'EPIPE',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTCONN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_SOCKET_CLOSED',
]);
const ADB_CLIENT_ERRORS = new Set(['FailError', 'PrematureEOFError', 'UnexpectedDataError', 'TimeoutError', 'HeadsetCommandError']);

export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  const name = (error as { name?: unknown; constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && ADB_CLIENT_ERRORS.has(name);
}
