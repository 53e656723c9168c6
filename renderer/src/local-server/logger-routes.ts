import type { Hono } from 'hono';
import { LoggerError } from '../../../shared/mastery/logger-error';
import { paged } from '../../../shared/mastery/logger-reads';
import { listAttemptLogsQuerySchema } from '../../../shared/schemas/attempt-log';
import { startContentSessionRequestSchema, updateContentSessionRequestSchema } from '../../../shared/schemas/content-session';
import { listMasteryLogsQuerySchema, masteryLogDiffParamsSchema, masteryLogDiffQuerySchema } from '../../../shared/schemas/mastery-log';
import { listAttemptLogs, listMasteryLogs, masteryLogDiff, totalContentProgress } from '../data/logger-queries';
import { startContentSession } from '../data/logger-start';
import { updateContentSession } from '../data/logger-update';
import { ApiFailure, json } from './api-response';
import { authenticate } from './authenticate';
import { claimsInstructor, isInstructorCall } from './authenticate-instructor';
import type { LocalApiDeps } from './local-api-deps';
import { parseQuery, readJsonBody } from './read-json-body';

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
    const who = await reader(c.req.raw);
    const params = masteryLogDiffParamsSchema.safeParse({ index: c.req.param('index') });
    // Kolibri answers a non-integer index with 404, not 400: no try has that name.
    if (!params.success) return loggerError(404, 'NOT_FOUND', 'The index must be a whole number');
    const query = parseQuery(c.req.url, masteryLogDiffQuerySchema);
    const diff = mayRead(who, query.user) ? await masteryLogDiff(deps.db, query, params.data.index) : null;
    return diff ? json(diff) : loggerError(404, 'NOT_FOUND', 'No mastery log found');
  });
  app.get('/api/logger/attemptlog', async (c) => {
    const who = await reader(c.req.raw);
    const query = parseQuery(c.req.url, listAttemptLogsQuerySchema);
    const userId = query.user ?? who.userId;
    const rows = userId !== null && mayRead(who, userId) ? await listAttemptLogs(deps.db, userId, query) : [];
    return pageOrNotFound(rows, query);
  });
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

