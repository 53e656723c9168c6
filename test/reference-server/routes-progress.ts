import { planStart, startResponse } from '../../shared/mastery/logger-start';
import { planUpdate } from '../../shared/mastery/logger-update';
import { pastAttemptLimit } from '../../shared/mastery/mastery-window';
import { startContentSessionRequestSchema, updateContentSessionRequestSchema } from '../../shared/schemas/content-session';
import { authenticateBearer } from './auth';
import { attemptsForUpdate, attemptsOf, loggerId, progressCollections, replyErrorOf } from './progress-records';
import type { TokenRecord } from './records';
import { codedFailure, reply } from './reply';
import type { Reply } from './reply';
import { route } from './route';
import type { Route } from './route';
import type { RouteContext } from './server-deps';
import { codedBody } from './validate';

/** Kolibri draws a coach quiz try's level from the whole negative 32-bit range. */
const MIN_LEVEL = -2147483648;

/**
 * Starting and updating content sessions (progress-tracking seed) with the same rules the kiosk's local
 * API runs (shared/mastery/logger-*.ts), so sync compares like with like. The learner is the token's user.
 */
export function progressRoutes(): Route[] {
  return [
    route({ method: 'POST', path: '/api/logger/contentsession', family: 'coded', authenticate: authenticateBearer, handle: startSession }),
    route({ method: 'PUT', path: '/api/logger/contentsession/:sessionId', family: 'coded', authenticate: authenticateBearer, handle: updateSession }),
  ];
}

function startSession(ctx: RouteContext, token: TokenRecord): Reply {
  const body = codedBody(ctx, startContentSessionRequestSchema);
  const { deps } = ctx;
  const logs = progressCollections(deps);
  const contentId = body.content_id ?? body.quiz_id ?? body.node_id ?? '';
  const [summary] = logs.summaries.find({ user: token.user_id, content_id: contentId });
  const tries = summary ? logs.masteryLogs.find({ summarylog: summary.id }) : [];
  try {
    const plan = planStart(body, { ...(summary ? { summary } : {}), tries }, {
      user: token.user_id,
      now: deps.now(),
      newId: () => loggerId(deps),
      quizLevel: () => MIN_LEVEL + Math.floor(Math.random() * -MIN_LEVEL),
    });
    logs.summaries.put(plan.summary);
    if (plan.mastery) logs.masteryLogs.put(plan.mastery);
    logs.sessions.insert(plan.session);
    const past = plan.mastery ? attemptsOf(deps, plan.mastery.id).reverse().slice(0, pastAttemptLimit(plan.mastery.mastery_criterion)) : [];
    return reply(200, startResponse(plan, past));
  } catch (error) {
    throw replyErrorOf(error);
  }
}

function updateSession(ctx: RouteContext, token: TokenRecord): Reply {
  const body = codedBody(ctx, updateContentSessionRequestSchema);
  const { deps } = ctx;
  const logs = progressCollections(deps);
  const session = logs.sessions.get(ctx.params.sessionId ?? '');
  if (!session || session.user !== token.user_id) throw codedFailure(404, 'NOT_FOUND', 'Content session not found');
  const [summary] = logs.summaries.find({ user: session.user, content_id: session.content_id ?? '' });
  if (!summary) throw new Error(`Summary log missing for content session ${session.id}`);
  const [mastery] = session.mastery_level === null ? [] : logs.masteryLogs.find({ summarylog: summary.id, mastery_level: session.mastery_level });
  try {
    const plan = planUpdate(body, { session, summary, ...(mastery ? { mastery } : {}), ...attemptsForUpdate(deps, mastery?.id, body.interactions ?? []) }, deps.now(), () => loggerId(deps));
    logs.sessions.put(plan.session);
    logs.summaries.put(plan.summary);
    if (plan.mastery) logs.masteryLogs.put(plan.mastery);
    for (const attempt of plan.attempts) logs.attempts.put(attempt);
    return reply(200, plan.response);
  } catch (error) {
    throw replyErrorOf(error);
  }
}
