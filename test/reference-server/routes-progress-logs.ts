import { attemptLogOf, byNewestTry, masteryLogOf } from '../../shared/mastery/logger-records';
import { masteryDiff, paged, totalProgress } from '../../shared/mastery/logger-reads';
import { listAttemptLogsQuerySchema } from '../../shared/schemas/attempt-log';
import type { TotalContentProgressResponse } from '../../shared/schemas/content-summary-log';
import { listMasteryLogsQuerySchema, masteryLogDiffParamsSchema, masteryLogDiffQuerySchema } from '../../shared/schemas/mastery-log';
import { authenticateBearer } from './auth';
import { attemptsOf, progressCollections } from './progress-records';
import type { MasteryLogRecord, TokenRecord } from './records';
import { codedFailure, reply } from './reply';
import type { Reply } from './reply';
import { route } from './route';
import type { Route } from './route';
import type { RouteContext } from './server-deps';
import { codedQuery } from './validate';

/**
 * Reading the logs back, with the shared rules. A learner sees only their own logs (another user's
 * filter finds nothing, as Kolibri's permission filter does); facility/classroom/learner_group are
 * accepted and ignored, this server holding one class. page_size switches to Kolibri's paged envelope.
 */
export function progressLogRoutes(): Route[] {
  return [
    route({ method: 'GET', path: '/api/logger/totalcontentprogress/:userId', family: 'coded', authenticate: authenticateBearer, handle: totalContentProgress }),
    route({ method: 'GET', path: '/api/logger/masterylog', family: 'coded', authenticate: authenticateBearer, handle: listMasteryLogs }),
    route({ method: 'GET', path: '/api/logger/masterylog/:index/diff', family: 'coded', authenticate: authenticateBearer, handle: masteryLogDiff }),
    route({ method: 'GET', path: '/api/logger/attemptlog', family: 'coded', authenticate: authenticateBearer, handle: listAttemptLogs }),
  ];
}

function totalContentProgress(ctx: RouteContext, token: TokenRecord): Reply {
  const userId = ctx.params.userId ?? '';
  if (userId !== token.user_id) throw codedFailure(403, 'FORBIDDEN', 'Can only access progress data for self');
  const logs = progressCollections(ctx.deps);
  const progress = totalProgress(logs.summaries.find({ user: userId }), logs.masteryLogs.find({ user: userId }));
  return reply(200, { id: userId, progress } satisfies TotalContentProgressResponse);
}

function triesOf(ctx: RouteContext, token: TokenRecord, query: { user: string; content: string; complete?: boolean | undefined; quiz?: boolean | undefined }): MasteryLogRecord[] {
  if (query.user !== token.user_id) return [];
  return progressCollections(ctx.deps)
    .masteryLogs.find({ user: query.user, content_id: query.content })
    .filter((log) => (query.complete === undefined || log.complete === query.complete) && (query.quiz === undefined || log.mastery_level < 0 === query.quiz))
    .sort(byNewestTry);
}

function listMasteryLogs(ctx: RouteContext, token: TokenRecord): Reply {
  const query = codedQuery(ctx, listMasteryLogsQuerySchema);
  const page = paged(triesOf(ctx, token, query).map(masteryLogOf), query);
  if (!page) throw codedFailure(404, 'NOT_FOUND', 'Invalid page');
  return reply(200, page);
}

/** Index 0 is the most recent try; it is compared with the one before it. A non-integer index is a 404, as in Kolibri. */
function masteryLogDiff(ctx: RouteContext, token: TokenRecord): Reply {
  const params = masteryLogDiffParamsSchema.safeParse(ctx.params);
  if (!params.success) throw codedFailure(404, 'NOT_FOUND', 'The index must be a whole number');
  const query = codedQuery(ctx, masteryLogDiffQuerySchema);
  const tries = triesOf(ctx, token, query);
  const target = tries[params.data.index];
  if (!target) throw codedFailure(404, 'NOT_FOUND', 'No mastery log found');
  const previous = tries[params.data.index + 1];
  return reply(200, masteryDiff(target, previous, attemptsOf(ctx.deps, target.id), previous ? attemptsOf(ctx.deps, previous.id) : []));
}

function listAttemptLogs(ctx: RouteContext, token: TokenRecord): Reply {
  const query = codedQuery(ctx, listAttemptLogsQuerySchema);
  if (query.user !== undefined && query.user !== token.user_id) return reply(200, paged([], query) ?? []);
  const where: Record<string, string | number | boolean> = { user: token.user_id };
  if (query.masterylog !== undefined) where.masterylog = query.masterylog;
  if (query.content !== undefined) where.content_id = query.content;
  if (query.item !== undefined) where.item = query.item;
  if (query.complete !== undefined) where.complete = query.complete;
  if (query.mastery_level !== undefined) where.mastery_level = query.mastery_level;
  // Newest first: Kolibri leaves the order to the database; decision: last touched first, then by order made.
  const attempts = progressCollections(ctx.deps)
    .attempts.find(where)
    .sort((a, b) => b.end_timestamp.localeCompare(a.end_timestamp) || b.ordinal - a.ordinal)
    .map(attemptLogOf);
  const page = paged(attempts, query);
  if (!page) throw codedFailure(404, 'NOT_FOUND', 'Invalid page');
  return reply(200, page);
}
