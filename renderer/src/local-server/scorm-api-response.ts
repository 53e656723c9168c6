import { json } from './api-response';

/** The SCORM seed's error body: `{ error, code }` with the status the code implies. */
export const SCORM_ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  TOO_LARGE: 413,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  PACKAGE_NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  DISPATCH_NOT_FOUND: 404,
  SESSION_CONFLICT: 409,
  VERSION_CONFLICT: 409,
  PLAYER_UNAVAILABLE: 503,
} as const;
export type ScormErrorCode = keyof typeof SCORM_ERROR_STATUS;

export function scormError(code: ScormErrorCode, message: string, extra: Record<string, unknown> = {}): Response {
  return json({ error: message, code, ...extra }, SCORM_ERROR_STATUS[code]);
}
