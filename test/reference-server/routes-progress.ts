import { masteryWindow } from '../../shared/mastery/mastery-window';
import { startContentSessionRequestSchema, updateContentSessionRequestSchema } from '../../shared/schemas/content-session';
import type { StartContentSessionResponse, UpdateContentSessionResponse } from '../../shared/schemas/content-session';
import { authenticateBearer } from './auth';
import { attemptsOf, attemptSummary, contentKeyOf, criterionFor, judgeMastery, loggerId, masteryLogsOf, progressCollections } from './progress-records';
import { applyInteraction } from './progress-interactions';
import type { AttemptLogRecord, ContentSessionRecord, ContentSummaryRecord, MasteryLogRecord, TokenRecord } from './records';
import { codedFailure, reply } from './reply';
import type { Reply } from './reply';
import { route } from './route';
import type { Route } from './route';
import type { RouteContext, ServerDeps } from './server-deps';
import { codedBody } from './validate';

/** pastattempts holds at least this many recent attempts (more when the mastery window is wider). */
const PAST_ATTEMPTS = 10;

/**
 * Starting and updating content sessions (progress-tracking seed). The seed identifies the learner by
 * the request's authentication, so both need a Bearer token. Progress never goes down across sessions
 * (an absolute `progress` lower than the stored one is kept for the sitting only), and an exercise
 * whose mastery criterion is met is complete (progress 1), judged by shared/mastery.
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
  const user = token.user_id;
  const contentKey = contentKeyOf(body);
  const now = deps.now().toISOString();

  const [stored] = logs.summaries.find({ user, content_id: contentKey });
  let summary: ContentSummaryRecord = stored ?? {
    id: loggerId(deps),
    user,
    content_id: contentKey,
    channel_id: body.channel_id ?? null,
    kind: body.kind ?? null,
    start_timestamp: now,
    end_timestamp: now,
    completion_timestamp: null,
    time_spent: 0,
    progress: 0,
    extra_fields: {},
  };
  if (stored && body.repeat) summary = { ...stored, progress: 0, completion_timestamp: null, extra_fields: {}, end_timestamp: now };
  logs.summaries.put(summary);

  const criterion = criterionFor(body);
  let mastery: MasteryLogRecord | null = null;
  if (criterion) {
    const [latest] = masteryLogsOf(deps, user, contentKey);
    mastery = latest && !body.repeat ? latest : null;
    if (!mastery) {
      mastery = {
        id: loggerId(deps),
        user,
        content_id: contentKey,
        mastery_level: (latest?.mastery_level ?? 0) + 1,
        summarylog: summary.id,
        mastery_criterion: criterion,
        start_timestamp: now,
        end_timestamp: now,
        completion_timestamp: null,
        complete: false,
        correct: 0,
        time_spent: 0,
      };
      logs.masteryLogs.insert(mastery);
    }
  }

  const session: ContentSessionRecord = {
    id: loggerId(deps),
    user,
    node_id: body.node_id ?? null,
    content_id: body.content_id ?? null,
    channel_id: body.channel_id ?? null,
    kind: body.kind ?? null,
    lesson_id: body.lesson_id ?? null,
    quiz_id: body.quiz_id ?? null,
    course_session_id: body.course_session_id ?? null,
    start_timestamp: now,
    end_timestamp: now,
    time_spent: 0,
    progress: 0,
    extra_fields: {},
    content_key: contentKey,
    mastery_log_id: mastery?.id ?? null,
  };
  logs.sessions.insert(session);

  const response: StartContentSessionResponse = {
    session_id: session.id,
    context: {
      ...(body.node_id !== undefined ? { node_id: body.node_id } : {}),
      ...(body.lesson_id !== undefined ? { lesson_id: body.lesson_id } : {}),
      ...(body.quiz_id !== undefined ? { quiz_id: body.quiz_id } : {}),
      ...(mastery ? { mastery_level: mastery.mastery_level } : {}),
    },
    progress: summary.progress,
    time_spent: summary.time_spent,
    extra_fields: summary.extra_fields,
    complete: summary.progress >= 1,
    ...(mastery ? assessmentState(deps, mastery) : {}),
  };
  return reply(200, response);
}

function assessmentState(deps: ServerDeps, mastery: MasteryLogRecord): Pick<StartContentSessionResponse, 'mastery_criterion' | 'pastattempts' | 'totalattempts'> {
  const attempts = attemptsOf(deps, mastery.id);
  const shown = Math.max(PAST_ATTEMPTS, masteryWindow(mastery.mastery_criterion)?.n ?? 0);
  return {
    mastery_criterion: mastery.mastery_criterion,
    pastattempts: attempts.slice(-shown).reverse().map(attemptSummary),
    totalattempts: attempts.length,
  };
}

function updateSession(ctx: RouteContext, token: TokenRecord): Reply {
  const body = codedBody(ctx, updateContentSessionRequestSchema);
  const { deps } = ctx;
  const logs = progressCollections(deps);
  const stored = logs.sessions.get(ctx.params.sessionId ?? '');
  if (!stored || stored.user !== token.user_id) throw codedFailure(404, 'NOT_FOUND', 'Content session not found');
  const [storedSummary] = logs.summaries.find({ user: stored.user, content_id: stored.content_key });
  if (!storedSummary) throw new Error(`Summary log missing for content session ${stored.id}`);
  const storedMastery = stored.mastery_log_id ? logs.masteryLogs.get(stored.mastery_log_id) : undefined;
  if (body.interactions?.length && !storedMastery) {
    throw codedFailure(400, 'VALIDATION_ERROR', 'Interactions can only be sent for an exercise or quiz session');
  }
  const now = deps.now().toISOString();
  let session: ContentSessionRecord = { ...stored, end_timestamp: now };
  let summary: ContentSummaryRecord = { ...storedSummary, end_timestamp: now };

  if (body.progress_delta !== undefined) {
    session = { ...session, progress: Math.min(1, session.progress + body.progress_delta) };
    summary = { ...summary, progress: Math.min(1, summary.progress + body.progress_delta) };
  }
  if (body.progress !== undefined) {
    session = { ...session, progress: body.progress };
    summary = { ...summary, progress: Math.max(summary.progress, body.progress) };
  }
  const delta = body.time_spent_delta ?? 0;
  session = { ...session, time_spent: session.time_spent + delta };
  summary = { ...summary, time_spent: summary.time_spent + delta };
  if (body.extra_fields !== undefined) {
    session = { ...session, extra_fields: body.extra_fields };
    summary = { ...summary, extra_fields: body.extra_fields };
  }

  let touched: AttemptLogRecord[] = [];
  if (storedMastery) {
    touched = (body.interactions ?? []).map((interaction) => applyInteraction(deps, storedMastery, session, interaction, now));
    const mastery = judgeMastery(deps, { ...storedMastery, time_spent: storedMastery.time_spent + delta }, now);
    logs.masteryLogs.put(mastery);
    if (mastery.complete) summary = { ...summary, progress: 1 };
  }
  if (summary.progress >= 1 && summary.completion_timestamp === null) summary = { ...summary, completion_timestamp: now };
  logs.sessions.put(session);
  logs.summaries.put(summary);

  const response: UpdateContentSessionResponse = {
    complete: summary.progress >= 1,
    ...(body.interactions !== undefined ? { attempts: touched.map(attemptSummary) } : {}),
  };
  return reply(200, response);
}
