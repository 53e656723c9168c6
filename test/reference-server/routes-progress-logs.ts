import { listAttemptLogsQuerySchema } from '../../shared/schemas/attempt-log';
import type { TotalContentProgressResponse } from '../../shared/schemas/content-summary-log';
import { listMasteryLogsQuerySchema, masteryLogDiffParamsSchema, masteryLogDiffQuerySchema } from '../../shared/schemas/mastery-log';
import type { MasteryLogDiffResponse } from '../../shared/schemas/mastery-log';
import { authenticateBearer } from './auth';
import { attemptsOf, masteryLogsOf, progressCollections } from './progress-records';
import type { AttemptLogRecord } from './records';
import { codedFailure, reply } from './reply';
import type { Reply } from './reply';
import { route } from './route';
import type { Route } from './route';
import type { RouteContext } from './server-deps';
import { codedParams, codedQuery } from './validate';

/**
 * Reading the logs back. Lists are plain JSON arrays, newest first, cut to page_size when it is given
 * (the seed shows item fields but no envelope). facility/classroom/learner_group are accepted and
 * ignored: this server holds one class. Records carry user/content_id/mastery_level beside the seed's
 * fields, as the real logger's do.
 */
export function progressLogRoutes(): Route[] {
  return [
    route({ method: 'GET', path: '/api/logger/totalcontentprogress/:userId', family: 'coded', authenticate: authenticateBearer, handle: totalProgress }),
    route({ method: 'GET', path: '/api/logger/masterylog', family: 'coded', authenticate: authenticateBearer, handle: listMasteryLogs }),
    route({ method: 'GET', path: '/api/logger/masterylog/:index/diff', family: 'coded', authenticate: authenticateBearer, handle: masteryLogDiff }),
    route({ method: 'GET', path: '/api/logger/attemptlog', family: 'coded', authenticate: authenticateBearer, handle: listAttemptLogs }),
  ];
}

function totalProgress(ctx: RouteContext): Reply {
  const userId = ctx.params.userId ?? '';
  const completed = progressCollections(ctx.deps).summaries.find({ user: userId }).filter((summary) => summary.progress >= 1).length;
  return reply(200, { id: userId, progress: completed } satisfies TotalContentProgressResponse);
}

function listMasteryLogs(ctx: RouteContext): Reply {
  const query = codedQuery(ctx, listMasteryLogsQuerySchema);
  const logs = masteryLogsOf(ctx.deps, query.user, query.content).filter(
    (log) => (query.complete === undefined || log.complete === query.complete) && (query.quiz === undefined || (log.mastery_criterion.type === 'quiz') === query.quiz),
  );
  return reply(200, logs.slice(0, query.page_size ?? logs.length));
}

/** Index 0 is the most recent mastery log; each is compared with the one before it in time. */
function masteryLogDiff(ctx: RouteContext): Reply {
  const { index } = codedParams(ctx, masteryLogDiffParamsSchema);
  const query = codedQuery(ctx, masteryLogDiffQuerySchema);
  const logs = masteryLogsOf(ctx.deps, query.user, query.content);
  const target = logs[index];
  if (!target) throw codedFailure(404, 'NOT_FOUND', `No mastery log at index ${index}`);
  const previous = logs[index + 1];
  const previousAttempts = previous ? attemptsOf(ctx.deps, previous.id) : [];
  const lastFor = (item: string): AttemptLogRecord | undefined => previousAttempts.filter((a) => a.item === item).at(-1);
  const response: MasteryLogDiffResponse = {
    ...target,
    diff: previous ? { correct: target.correct - previous.correct, time_spent: target.time_spent - previous.time_spent } : null,
    attemptlogs: attemptsOf(ctx.deps, target.id).map((attempt) => {
      const before = lastFor(attempt.item);
      return { ...attempt, diff: before ? { correct: attempt.correct - before.correct, time_spent: attempt.time_spent - before.time_spent } : null };
    }),
  };
  return reply(200, response);
}

function listAttemptLogs(ctx: RouteContext): Reply {
  const query = codedQuery(ctx, listAttemptLogsQuerySchema);
  const where: Record<string, string | number | boolean> = {};
  if (query.masterylog !== undefined) where.masterylog = query.masterylog;
  if (query.user !== undefined) where.user = query.user;
  if (query.content !== undefined) where.content_id = query.content;
  if (query.item !== undefined) where.item = query.item;
  if (query.complete !== undefined) where.complete = query.complete;
  if (query.mastery_level !== undefined) where.mastery_level = query.mastery_level;
  const attempts = progressCollections(ctx.deps).attempts.find(where).reverse();
  return reply(200, attempts.slice(0, query.page_size ?? attempts.length));
}
