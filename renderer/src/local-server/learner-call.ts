import type { z } from 'zod';
import { LOCAL_API_ORIGIN } from './vr-sessions-client';
import type { LocalApi } from './local-api';

/** One call to the local API as the signed-in learner: what came back, before any client reads it. */
export type LearnerExchange<T> =
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'bad_response'; readonly status: number }
  | { readonly kind: 'refused'; readonly status: number; readonly body: unknown };

/**
 * Sends a JSON request with the learner's kiosk token and checks a success against the endpoint's
 * schema; the typed clients turn refusals into their own result shapes. A 401 tells the caller, which
 * forgets a sign-in the API no longer accepts.
 */
export async function learnerCall<T extends z.ZodType>(
  api: LocalApi,
  token: string,
  request: { readonly method: string; readonly path: string; readonly body?: unknown; readonly schema: T; readonly onUnauthorized?: (() => void) | undefined },
): Promise<LearnerExchange<z.output<T>>> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  let parsed: unknown;
  try {
    response = await api(new Request(`${LOCAL_API_ORIGIN}${request.path}`, { method: request.method, headers, ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}) }));
    parsed = await response.json();
  } catch (error) {
    return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
  if (response.ok) {
    const value = request.schema.safeParse(parsed);
    return value.success ? { kind: 'value', value: value.data } : { kind: 'bad_response', status: response.status };
  }
  if (response.status === 401) request.onUnauthorized?.();
  return { kind: 'refused', status: response.status, body: parsed };
}
