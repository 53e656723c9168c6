import type { z } from 'zod';
import { issueDetails } from '../../shared/ipc/format-issues';
import { codedFailure, vrFailure } from './reply';
import { parseBody, queryObject } from './request-body';
import type { RouteContext } from './server-deps';

const NOT_JSON = 'Invalid request body: not valid JSON';

/** VR APIs: 400 VALIDATION_ERROR with each offending field, worded as the local API words it. */
export function vrBody<T extends z.ZodType>(ctx: RouteContext, schema: T): z.output<T> {
  const parsed = parseBody(ctx.bodyText, schema);
  if (parsed.ok) return parsed.value;
  if (parsed.notJson) throw vrFailure('VALIDATION_ERROR', NOT_JSON);
  throw vrFailure('VALIDATION_ERROR', 'Invalid request body', issueDetails(parsed.issues));
}

export function vrQuery<T extends z.ZodType>(ctx: RouteContext, schema: T): z.output<T> {
  const parsed = schema.safeParse(queryObject(ctx.url));
  if (parsed.success) return parsed.data;
  throw vrFailure('VALIDATION_ERROR', 'Invalid query parameters', issueDetails(parsed.error.issues));
}

/** SCORM, progress tracking and xAPI: the same 400 with {error, code: 'VALIDATION_ERROR', details}. */
export function codedBody<T extends z.ZodType>(ctx: RouteContext, schema: T): z.output<T> {
  const parsed = parseBody(ctx.bodyText, schema);
  if (parsed.ok) return parsed.value;
  if (parsed.notJson) throw codedFailure(400, 'VALIDATION_ERROR', NOT_JSON);
  throw codedFailure(400, 'VALIDATION_ERROR', 'Invalid request body', issueDetails(parsed.issues));
}

export function codedQuery<T extends z.ZodType>(ctx: RouteContext, schema: T): z.output<T> {
  const parsed = schema.safeParse(queryObject(ctx.url));
  if (parsed.success) return parsed.data;
  throw codedFailure(400, 'VALIDATION_ERROR', 'Invalid query parameters', issueDetails(parsed.error.issues));
}

export function codedParams<T extends z.ZodType>(ctx: RouteContext, schema: T): z.output<T> {
  const parsed = schema.safeParse(ctx.params);
  if (parsed.success) return parsed.data;
  throw codedFailure(400, 'VALIDATION_ERROR', 'Invalid path parameters', issueDetails(parsed.error.issues));
}
