import type { z } from 'zod';
import { readCappedBytes } from '../../../shared/bytes/read-capped-bytes';
import { issueDetails } from '../../../shared/ipc/format-issues';
import { ApiFailure, vrError } from './api-response';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../../shared/json/json-depth';

/**
 * Parses and validates a JSON body, answering 400 VALIDATION_ERROR with each offending field otherwise.
 * An empty body counts as `{}`: the seed's complete endpoint takes a body whose fields are all optional.
 */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
  const text = await readBoundedText(request, MAX_BODY_BYTES);
  if (text === null) throw new ApiFailure(vrError('VALIDATION_ERROR', `Invalid request body: larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`));
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) throw new ApiFailure(vrError('VALIDATION_ERROR', `Invalid request body: nested more than ${MAX_JSON_DEPTH} levels deep`));
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiFailure(vrError('VALIDATION_ERROR', 'Invalid request body: not valid JSON'));
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiFailure(vrError('VALIDATION_ERROR', 'Invalid request body', issueDetails(parsed.error.issues)));
  return parsed.data;
}

/**
 * The largest request body the local API reads. The biggest real one is a SCORM commit (2004 allows 64,000
 * characters of suspend data, plus interactions and objectives): well under 1 MiB. A body is read as a
 * stream and dropped as soon as it passes this, so a runaway course cannot fill the renderer's memory.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The body as text, or null once it is larger than `maxBytes` (stopping there, whatever Content-Length says). */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return '';
  const bytes = await readCappedBytes(request.body.getReader(), maxBytes);
  if (bytes === null) return null;
  return new TextDecoder().decode(bytes);
}

export function parseQuery<T extends z.ZodType>(url: string, schema: T): z.output<T> {
  const params = Object.fromEntries(new URL(url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new ApiFailure(vrError('VALIDATION_ERROR', 'Invalid query parameters', issueDetails(parsed.error.issues)));
  return parsed.data;
}
