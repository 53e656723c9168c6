import type { z } from 'zod';
import { readCappedBytes } from '../../../shared/bytes/read-capped-bytes';
import { issueDetails } from '../../../shared/ipc/format-issues';
import { ApiFailure, vrError } from './api-response';

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

/**
 * How deep a request body may nest arrays and objects. Real bodies nest a few levels (an interaction's
 * answer, extra_fields); thousands of levels overflow the stack of whatever walks the value next (a
 * schema's JSON.stringify, IndexedDB's structured clone), which answered 500 and could not be stored.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text opens more than `max` arrays/objects at once; one linear pass, brackets in strings skipped. */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}

export function parseQuery<T extends z.ZodType>(url: string, schema: T): z.output<T> {
  const params = Object.fromEntries(new URL(url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new ApiFailure(vrError('VALIDATION_ERROR', 'Invalid query parameters', issueDetails(parsed.error.issues)));
  return parsed.data;
}
