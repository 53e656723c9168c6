import type { z } from 'zod';
import { LESSON_PLAY_ERROR_MESSAGES } from '../../shared/schemas/api-error';
import { decodeCursor, InvalidCursorError } from '../../shared/lesson-plays/cursor';
import { lessonPlayAggregates } from '../../shared/lesson-plays/aggregates';
import { withSessionTitles } from '../../shared/lesson-plays/session-titles';
import { sortFieldOf } from '../../shared/lesson-plays/sorting';
import { lessonPlayResultsRequestSchema } from '../../shared/schemas/lesson-play-results';
import type { LessonPlayResultsResponse } from '../../shared/schemas/lesson-play-results';
import {
  createLessonPlayRequestSchema,
  listLessonPlaysQuerySchema,
  redirectUrlFor,
  updateLessonPlayRequestSchema,
} from '../../shared/schemas/lesson-play';
import type { CreateLessonPlayResponse, LessonPlay, ListLessonPlaysResponse, UpdateLessonPlayResponse } from '../../shared/schemas/lesson-play';
import { authenticateLessonPlayCaller, bearerToken, lookUpToken } from './auth';
import type { LessonPlayCaller } from './auth';
import { pageLessonPlays } from './lesson-play-listing';
import { COLLECTIONS } from './records';
import type { LessonPlayRecord } from './records';
import { lessonPlayFailure, reply } from './reply';
import type { Reply } from './reply';
import { parseBody, queryObject } from './request-body';
import { route } from './route';
import type { Route } from './route';
import type { RouteContext, ServerDeps } from './server-deps';

const M = LESSON_PLAY_ERROR_MESSAGES;

/**
 * The lesson-plays API. An ID token (Bearer) sees and changes only its own plays (the seed's uid
 * checks); an admin token (AdminToken/RevokableToken) reads the whole client. A kiosk's device token
 * (an admin token sent as Bearer) naming a learner in X-Outpost-User acts as that learner's ID token,
 * as it does for the VR APIs: that is how a kiosk's outbox reaches this API. The client is known by the
 * seed's client_id and, as kiosks know it, by the roster's tenant_id; the roster is its user list.
 * PUT .../results is Outpost's extension (docs/api/lesson-plays.md).
 */
export function lessonPlayRoutes(): Route[] {
  return [
    route({ method: 'GET', path: '/api/lesson-plays', family: 'lesson-plays', authenticate: readCaller, handle: listPlays }),
    route({ method: 'POST', path: '/api/lesson-plays', family: 'lesson-plays', authenticate: writeCaller, handle: createPlay }),
    route({ method: 'GET', path: '/api/lesson-plays/:lessonPlayId', family: 'lesson-plays', authenticate: readCaller, handle: getPlay }),
    route({ method: 'PATCH', path: '/api/lesson-plays/:lessonPlayId', family: 'lesson-plays', authenticate: writeCaller, handle: patchPlay }),
    route({ method: 'PUT', path: '/api/lesson-plays/:lessonPlayId/results', family: 'lesson-plays', authenticate: writeCaller, handle: putResults }),
  ];
}

/** A device (admin) token naming its learner in X-Outpost-User speaks as that learner. */
function kioskLearner(ctx: RouteContext): LessonPlayCaller | null {
  const onBehalfOf = ctx.headers.get('x-outpost-user')?.trim();
  if (!onBehalfOf) return null;
  const record = lookUpToken(ctx, bearerToken(ctx.headers));
  if (!record?.admin) return null;
  ctx.caller.userId = onBehalfOf;
  return { kind: 'user', uid: onBehalfOf };
}

const readCaller = (ctx: RouteContext) => kioskLearner(ctx) ?? authenticateLessonPlayCaller(ctx, { allowAdmin: true });
const writeCaller = (ctx: RouteContext) => kioskLearner(ctx) ?? authenticateLessonPlayCaller(ctx, { allowAdmin: false });

function knownClient(deps: ServerDeps, clientId: string): boolean {
  return clientId === deps.seed.client_id || clientId === deps.seed.tenant_id;
}

function plays(deps: ServerDeps) {
  return deps.store.collection<LessonPlayRecord>(COLLECTIONS.lessonPlays);
}

/** The seed's own message for a field when it has one (or the list's "Invalid <param>"); otherwise the path and zod's wording. */
function firstIssueMessage(issues: readonly z.core.$ZodIssue[]): string {
  const [issue] = issues;
  if (!issue) return 'Invalid request body';
  const seedMessages: readonly string[] = Object.values(M);
  if (seedMessages.includes(issue.message) || /^Invalid [A-Za-z]+$/.test(issue.message)) return issue.message;
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function listPlays(ctx: RouteContext, caller: LessonPlayCaller): Reply {
  const parsed = listLessonPlaysQuerySchema.safeParse(queryObject(ctx.url));
  if (!parsed.success) {
    // The seed's only error for clientId is "not found" (500); a missing one is not found either.
    if (parsed.error.issues.some((issue) => issue.path[0] === 'clientId')) throw lessonPlayFailure(500, M.clientNotFound);
    throw lessonPlayFailure(400, firstIssueMessage(parsed.error.issues));
  }
  const query = parsed.data;
  if (!knownClient(ctx.deps, query.clientId)) throw lessonPlayFailure(500, M.clientNotFound);
  let userId = query.userId;
  if (caller.kind === 'user') {
    if (userId !== undefined && userId !== caller.uid) throw lessonPlayFailure(401, M.unauthorized);
    userId = caller.uid;
  }
  const sortField = sortFieldOf(query.sortBy);
  let cursor;
  try {
    cursor = query.startAfter === undefined ? undefined : decodeCursor(query.startAfter, sortField);
  } catch (error) {
    if (error instanceof InvalidCursorError) throw lessonPlayFailure(400, error.message);
    throw error;
  }
  // Every supported filter and sort has its composite index here (as the remote must have them), so the
  // seed's 500 "Firestore index required" is never the answer: an unsupported sortBy is a 400 above.
  const where: Record<string, string> = { clientId: ctx.deps.seed.client_id };
  if (userId !== undefined) where.userId = userId;
  if (query.lessonId !== undefined) where.lessonId = query.lessonId;
  const page = pageLessonPlays(plays(ctx.deps).find(where), { sortField, sortOrder: query.sortOrder, page: query.page, pageSize: query.pageSize, cursor });
  const response: ListLessonPlaysResponse = {
    data: page.items.map((play) => withLesson(ctx.deps, play)),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: page.hasMore,
    nextPageToken: page.nextPageToken,
  };
  return reply(200, response);
}

function createPlay(ctx: RouteContext, caller: LessonPlayCaller): Reply {
  const parsed = parseBody(ctx.bodyText, createLessonPlayRequestSchema);
  if (!parsed.ok) throw lessonPlayFailure(400, parsed.notJson ? 'Invalid JSON body' : firstIssueMessage(parsed.issues));
  const body = parsed.value;
  if (caller.kind !== 'user') throw lessonPlayFailure(401, M.unauthorized);
  if (body.userId !== undefined && body.userId !== caller.uid) throw lessonPlayFailure(400, M.userIdMismatch);
  // With an ID token the play is the token user's even when userId is left out, so the uid checks on
  // GET and PATCH have something to compare with.
  const userId = body.userId ?? caller.uid;
  if (!ctx.deps.seed.learners.some((learner) => learner.id === userId)) throw lessonPlayFailure(400, M.userNotFound);
  if (!ctx.deps.seed.lessons.some((lesson) => lesson.id === body.lessonId)) throw lessonPlayFailure(400, M.lessonNotFound);

  const id = ctx.deps.newId();
  const createdAt = nextCreatedAt(ctx.deps);
  const { userId: _given, ...fields } = body;
  plays(ctx.deps).insert({ id, clientId: ctx.deps.seed.client_id, userId, ...fields, createdAt, completedAt: null, sessions: [] });
  return reply(200, { lessonPlayId: id, redirectUrl: redirectUrlFor(id), createdAt } satisfies CreateLessonPlayResponse);
}

function getPlay(ctx: RouteContext, caller: LessonPlayCaller): Reply {
  return reply(200, { data: withLesson(ctx.deps, ownPlay(ctx, caller)) });
}

function patchPlay(ctx: RouteContext, caller: LessonPlayCaller): Reply {
  const play = ownPlay(ctx, caller);
  const parsed = parseBody(ctx.bodyText, updateLessonPlayRequestSchema);
  if (!parsed.ok) throw lessonPlayFailure(400, parsed.notJson ? M.noValidFields : firstIssueMessage(parsed.issues));
  const { returnUrl: _old, ...rest } = play;
  const updated: LessonPlayRecord = parsed.value.returnUrl === null || parsed.value.returnUrl === undefined ? rest : { ...rest, returnUrl: parsed.value.returnUrl };
  plays(ctx.deps).put(updated);
  return reply(200, { success: true, lessonPlayId: play.id, updatedFields: ['returnUrl'] } satisfies UpdateLessonPlayResponse);
}

/** 404 for an unknown play; 401 when an ID token asks for someone else's. */
function ownPlay(ctx: RouteContext, caller: LessonPlayCaller): LessonPlayRecord {
  const play = plays(ctx.deps).get(ctx.params.lessonPlayId ?? '');
  if (!play || !knownClient(ctx.deps, play.clientId)) throw lessonPlayFailure(404, M.lessonPlayNotFound);
  if (caller.kind === 'user' && play.userId !== caller.uid) throw lessonPlayFailure(401, M.unauthorized);
  return play;
}

/**
 * createdAt strictly increases, even for plays created in the same millisecond: it is the default sort
 * key and the pagination cursor, and a tie at a page boundary would drop plays (see lesson-play-listing).
 */
function nextCreatedAt(deps: ServerDeps): string {
  const last = plays(deps).last();
  const lastMs = last && typeof last.createdAt === 'string' ? Date.parse(last.createdAt) : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(deps.now().getTime(), lastMs + 1)).toISOString();
}

/** PUT .../results: the play's whole result; the aggregates are derived with the kiosk's rule. */
function putResults(ctx: RouteContext, caller: LessonPlayCaller): Reply {
  const play = ownPlay(ctx, caller);
  const parsed = parseBody(ctx.bodyText, lessonPlayResultsRequestSchema);
  if (!parsed.ok) throw lessonPlayFailure(400, parsed.notJson ? 'Invalid JSON body' : firstIssueMessage(parsed.issues));
  const results = parsed.value;
  const sessions = [...results.sessions].sort((a, b) => a.index - b.index);
  const updated: LessonPlayRecord = { ...play, sessions, ...lessonPlayAggregates(sessions) };
  if (results.activityTime !== undefined) updated.activityTime = results.activityTime;
  if (results.caloriesBurned !== undefined) updated.caloriesBurned = results.caloriesBurned;
  if (results.completedAt !== undefined) updated.completedAt = results.completedAt;
  plays(ctx.deps).put(updated);
  return reply(200, { success: true, lessonPlayId: play.id, data: withLesson(ctx.deps, updated) } satisfies LessonPlayResultsResponse);
}

/** The lesson configuration and session titles are joined in on every read, as the seed describes. */
function withLesson(deps: ServerDeps, play: LessonPlayRecord): LessonPlay {
  const lesson = deps.seed.lessons.find((l) => l.id === play.lessonId);
  if (!lesson) return play;
  return { ...play, sessions: withSessionTitles(play.sessions, lesson), lesson };
}
