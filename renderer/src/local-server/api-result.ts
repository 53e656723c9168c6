import type { z } from 'zod';
import { vrApiErrorSchema } from '../../../shared/schemas/api-error';
import type { VrErrorCode } from '../../../shared/schemas/api-error';

/** A field the API refused, as its 400 `details` name it (`path` is dotted, e.g. "score"). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Codes the client adds to the API's own: the handler threw instead of answering (UNREACHABLE), or it
 * answered with something that is not the documented shape (BAD_RESPONSE).
 */
export type ClientErrorCode = 'UNREACHABLE' | 'BAD_RESPONSE';
export type ApiErrorCode = VrErrorCode | ClientErrorCode;

export interface ApiErrorResult {
  readonly ok: false;
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly details: readonly FieldIssue[];
}
export type ApiResult<T> = { readonly ok: true; readonly status: number; readonly value: T } | ApiErrorResult;

function issuesOf(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, message } = item as Record<string, unknown>;
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

export function failure(status: number, code: ApiErrorCode, message: string, details: readonly FieldIssue[] = []): ApiErrorResult {
  return { ok: false, status, code, message, details };
}

/** Reads a response into a value or a failure; an unexpected body is a failure too, never an exception. */
export async function readApiResult<T extends z.ZodType>(response: Response, schema: T): Promise<ApiResult<z.output<T>>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure(response.status, 'BAD_RESPONSE', 'The response was not JSON');
  }
  if (response.ok) {
    const parsed = schema.safeParse(body);
    return parsed.success ? { ok: true, status: response.status, value: parsed.data } : failure(response.status, 'BAD_RESPONSE', 'The response did not match the API');
  }
  const error = vrApiErrorSchema.safeParse(body);
  if (!error.success) return failure(response.status, 'BAD_RESPONSE', `HTTP ${response.status}`);
  return failure(response.status, error.data.code, error.data.error, issuesOf(error.data.details));
}
