import { VR_ERROR_STATUS } from '../../../shared/schemas/api-error';
import type { VrApiError, VrErrorCode } from '../../../shared/schemas/api-error';

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

/** Every error of the VR APIs carries the seed's code, with the seed's status for it. */
export function vrError(code: VrErrorCode, message: string, details?: unknown): Response {
  const body: VrApiError = details === undefined ? { error: message, code } : { error: message, code, details };
  return json(body, VR_ERROR_STATUS[code]);
}

/** Thrown inside a route (also from within a Dexie transaction, which it then aborts) to answer with an error. */
export class ApiFailure extends Error {
  constructor(readonly response: Response) {
    super(`API failure ${response.status}`);
    this.name = 'ApiFailure';
  }
}
