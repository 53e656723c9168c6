import type { Hono } from 'hono';
import { LoggerError } from '../../../shared/mastery/logger-error';
import { paged } from '../../../shared/mastery/logger-reads';
import { listAttemptLogsQuerySchema } from '../../../shared/schemas/attempt-log';
import type { ListAttemptLogsQuery } from '../../../shared/schemas/attempt-log';
import { startContentSessionRequestSchema, updateContentSessionRequestSchema } from '../../../shared/schemas/content-session';
import { listMasteryLogsQuerySchema, masteryLogDiffParamsSchema, masteryLogDiffQuerySchema } from '../../../shared/schemas/mastery-log';
import { listAttemptLogs, listMasteryLogs, masteryLogDiff, pageAttemptLogs, totalContentProgress } from '../data/logger-queries';
import { startContentSession } from '../data/logger-start';
import { updateContentSession } from '../data/logger-update';
import { ApiFailure, json } from './api-response';
import { authenticate } from './authenticate';
import { claimsInstructor, isInstructorCall } from './authenticate-instructor';
import type { LocalApiDeps } from './local-api-deps';
import { parseQuery, readJsonBody } from './read-json-body';
import { startedRead } from './started-read';

const loggerError = (status: 403 | 404, code: 'FORBIDDEN' | 'NOT_FOUND', message: string) => json({ error: message, code }, status);

/**
 * The progress-tracking seed served locally (Kolibri's logger rules, shared with the reference server).
 * Learners write with their kiosk token; reads are a learner's own, or anyone's for a signed-in
 * instructor (a coach reviewing a class), as Kolibri's permission filter allows.
 */
export function registerLoggerRoutes(app: Hono, deps: LocalApiDeps): void {
  const learner = (request: Request) => authenticate(deps.db, request, { now: deps.now });
  /** The user a read is for: the learner's own, or (for an instructor) whoever the query names. */
  const reader = async (request: Request): Promise<{ userId: string | null; instructor: boolean }> => {
    if (claimsInstructor(request)) {
      if (await isInstructorCall(request, deps.instructor)) return { userId: null, instructor: true };
    }
    return { userId: (await learner(request)).id, instructor: false };
  };
  const mayRead = (who: { userId: string | null; instructor: boolean }, user: string) => who.instructor || who.userId === user;

  app.post('/api/logger/contentsession', async (c) => {
    const user = await learner(c.req.raw);
    const body = await readJsonBody(c.req.raw, startContentSessionRequestSchema);
    return json(await loggerCall(() => startContentSession(deps, user.id, body)));
  });
  app.put('/api/logger/contentsession/:sessionId', async (c) => {
    const user = await learner(c.req.raw);
    const body = await readJsonBody(c.req.raw, updateContentSessionRequestSchema);
    return json(await loggerCall(() => updateContentSession(deps, user.id, c.req.param('sessionId'), body)));
  });
  app.get('/api/logger/totalcontentprogress/:userId', async (c) => {
    const user = await learner(c.req.raw);
    const userId = c.req.param('userId');
    if (userId !== user.id) return loggerError(403, 'FORBIDDEN', 'Can only access progress data for self');
    return json({ id: userId, progress: await totalContentProgress(deps.db, userId) });
  });
  app.get('/api/logger/masterylog', async (c) => {
    const who = await reader(c.req.raw);
    const query = parseQuery(c.req.url, listMasteryLogsQuerySchema);
    const rows = mayRead(who, query.user) ? await listMasteryLogs(deps.db, query) : [];
    return pageOrNotFound(rows, query);
  });
  app.get('/api/logger/masterylog/:index/diff', async (c) => {
    const checking = reader(c.req.raw);
    const params = masteryLogDiffParamsSchema.safeParse({ index: c.req.param('index') });
    const query = tryParse(() => parseQuery(c.req.url, masteryLogDiffQuerySchema));
    // The tries are read while the caller is checked (see startedRead); answered only if the caller may.
    const diff = params.success && query.ok ? startedRead(() => masteryLogDiff(deps.db, query.value, params.data.index)) : null;
    const who = await checking;
    // Kolibri answers a non-integer index with 404, not 400: no try has that name.
    if (!params.success) return loggerError(404, 'NOT_FOUND', 'The index must be a whole number');
    if (!query.ok) throw query.error;
    const found = diff && mayRead(who, query.value.user) ? await diff() : null;
    return found ? json(found) : loggerError(404, 'NOT_FOUND', 'No mastery log found');
  });
  app.get('/api/logger/attemptlog', async (c) => {
    const checking = reader(c.req.raw);
    const parsed = tryParse(() => parseQuery(c.req.url, listAttemptLogsQuerySchema));
    const pageSize = parsed.ok ? parsed.value.page_size : undefined;
    const page = parsed.ok ? (parsed.value.page ?? 1) : 1;
    // The list, or one page of it read from an index in its order with the total from an index count
    // (attempt-log-page.ts), for the user the query names or the learner signed in.
    const read = (query: ListAttemptLogsQuery, userId: string) =>
      pageSize === undefined ? listAttemptLogs(deps.db, userId, query).then((rows) => ({ count: rows.length, rows })) : pageAttemptLogs(deps.db, userId, query, (page - 1) * pageSize, pageSize);
    // A user named in the query is read while the caller is checked (see startedRead).
    const namedUser = parsed.ok ? parsed.value.user : undefined;
    const named = parsed.ok && namedUser !== undefined ? startedRead(() => read(parsed.value, namedUser)) : null;
    const who = await checking;
    if (!parsed.ok) throw parsed.error;
    const query = parsed.value;
    const userId = query.user ?? who.userId;
    const readable = userId !== null && mayRead(who, userId);
    const { count, rows } = !readable ? { count: 0, rows: [] } : named ? await named() : await read(query, userId);
    if (pageSize === undefined) return json(rows);
    const envelope = pageEnvelope(count, rows, { page, page_size: pageSize });
    return envelope ? json(envelope) : loggerError(404, 'NOT_FOUND', 'Invalid page');
  });
}

/** A parse whose refusal (an ApiFailure) is kept to be thrown after the caller is checked, as before. */
function tryParse<T>(parse: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Kolibri's page envelope for a page already cut from a list of `count` rows: the same answer as `paged`
 * gives for the whole list (null for a page past the last, which is a 404).
 */
function pageEnvelope<T>(count: number, results: T[], query: { page: number; page_size: number }): { page: number; count: number; total_pages: number; results: T[] } | null {
  const totalPages = Math.max(1, Math.ceil(count / query.page_size));
  return query.page > totalPages ? null : { page: query.page, count, total_pages: totalPages, results };
}

function pageOrNotFound<T>(rows: readonly T[], query: { page_size?: number | undefined; page?: number | undefined }): Response {
  const page = paged(rows, query);
  return page ? json(page) : loggerError(404, 'NOT_FOUND', 'Invalid page');
}

/** The shared rules' refusals become answers; anything else stays an error for the handler's onError. */
async function loggerCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof LoggerError) throw new ApiFailure(json({ error: error.message, code: error.code }, error.status));
    throw error;
  }
}

