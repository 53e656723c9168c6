/** Errors cross process boundaries as values, never as thrown exceptions. */
export const IPC_ERROR_CODES = [
  'VALIDATION_ERROR',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'UNAVAILABLE',
  'INTERNAL',
  // Kiosk trust (docs/security.md): the instructor role, its credential, and the token's storage.
  'INSTRUCTOR_REQUIRED',
  'NOT_CONFIGURED',
  'ALREADY_CONFIGURED',
  'WEAK_SECRET',
  'WRONG_SECRET',
  'LOCKED',
  'INSECURE_STORAGE',
  'API_URL_REQUIRED',
  'REMOTE_OPERATION_REFUSED',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
  readonly details?: unknown;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string, details?: unknown): Result<never> {
  const error: IpcError = details === undefined ? { code, message } : { code, message, details };
  return { ok: false, error };
}

/** Thrown inside main-side handlers; the dispatcher turns it into a `{ok:false}` value. */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}
