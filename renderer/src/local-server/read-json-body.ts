import type { z } from 'zod';
import { issueDetails } from '../../../shared/ipc/format-issues';
import { ApiFailure, vrError } from './api-response';

/**
 * Parses and validates a JSON body, answering 400 VALIDATION_ERROR with each offending field otherwise.
 * An empty body counts as `{}`: the seed's complete endpoint takes a body whose fields are all optional.
 */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
  const text = await request.text();
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

export function parseQuery<T extends z.ZodType>(url: string, schema: T): z.output<T> {
  const params = Object.fromEntries(new URL(url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new ApiFailure(vrError('VALIDATION_ERROR', 'Invalid query parameters', issueDetails(parsed.error.issues)));
  return parsed.data;
}
