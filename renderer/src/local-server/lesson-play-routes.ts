import { decodeCursor, InvalidCursorError } from '../../../shared/lesson-plays/cursor';
import type { LessonPlayCursor } from '../../../shared/lesson-plays/cursor';
import type { Lesson } from '../../../shared/schemas/catalog';
import { sortFieldOf } from '../../../shared/lesson-plays/sorting';
import type { LessonPlaySortField } from '../../../shared/lesson-plays/sorting';
import { LESSON_PLAY_ERROR_MESSAGES } from '../../../shared/schemas/api-error';
import { createLessonPlayRequestSchema, listLessonPlaysQuerySchema, redirectUrlFor, updateLessonPlayRequestSchema } from '../../../shared/schemas/lesson-play';
import type { CreateLessonPlayResponse, ListLessonPlaysResponse, UpdateLessonPlayResponse } from '../../../shared/schemas/lesson-play';
import { lessonPlayResultsRequestSchema } from '../../../shared/schemas/lesson-play-results';
import type { LessonPlayResultsResponse } from '../../../shared/schemas/lesson-play-results';
import type { DataPorts } from '../data/data-ports';
import type { InstructorGuard } from '../data/instructor-guard';
import { createLessonPlay, recordLessonPlayResults, setLessonPlayReturnUrl } from '../data/lesson-plays';
import { clientKnown, getLessonPlay, lessonsFor, listLessonPlayPage } from '../data/lesson-plays-queries';
import type { LessonPlayListing, LessonPlayPage } from '../data/lesson-plays-queries';
import type { LessonPlayRow } from '../db/lesson-play-row';
import { json } from './api-response';
import { authenticateLessonPlayCaller } from './lesson-play-auth';
import type { LessonPlayCaller } from './lesson-play-auth';
import { firstIssueMessage, lessonPlayFailure } from './lesson-play-errors';
import { toApiLessonPlay } from './lesson-play-view';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../../shared/json/json-depth';
import { MAX_BODY_BYTES, readBoundedText } from './read-json-body';

const M = LESSON_PLAY_ERROR_MESSAGES;

export type LessonPlayDeps = DataPorts & { readonly instructor?: InstructorGuard | undefined };

function caller(deps: LessonPlayDeps, request: Request, allowAdmin: boolean): Promise<LessonPlayCaller> {
  return authenticateLessonPlayCaller(deps.db, request, { now: deps.now }, deps.instructor, { allowAdmin });
}

async function readBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await readBoundedText(request, MAX_BODY_BYTES);
  if (text === null) return { ok: false };
  if (text.trim() === '') return { ok: true, value: {} };
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

async function withLesson(deps: LessonPlayDeps, row: LessonPlayRow) {
  const lessons = await lessonsFor(deps.db, [row]);
  return toApiLessonPlay(row, lessons.get(row.lessonId));
}

/** startAfter as a cursor, or the refusal to answer with 400 once the caller's checks have passed. */
function decodeStartAfter(startAfter: string | undefined, sortField: LessonPlaySortField): { cursor: LessonPlayCursor | undefined } | { error: InvalidCursorError } {
  try {
    return { cursor: startAfter === undefined ? undefined : decodeCursor(startAfter, sortField) };
  } catch (error) {
    if (error instanceof InvalidCursorError) return { error };
    throw error;
  }
}

async function readPageWithLessons(deps: LessonPlayDeps, listing: LessonPlayListing): Promise<{ page: LessonPlayPage; lessons: Map<string, Lesson> }> {
  const page = await listLessonPlayPage(deps.db, listing);
  return { page, lessons: await lessonsFor(deps.db, page.rows) };
}

/** GET /api/lesson-plays */
export async function listLessonPlays(deps: LessonPlayDeps, request: Request): Promise<Response> {
  const who = await caller(deps, request, true);
  const parsed = listLessonPlaysQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    // The seed's only answer about clientId is 500 "Client ID not found"; a missing one is not found either.
    if (parsed.error.issues.some((issue) => issue.path[0] === 'clientId')) throw lessonPlayFailure(500, M.clientNotFound);
    throw lessonPlayFailure(400, firstIssueMessage(parsed.error.issues));
  }
  const query = parsed.data;
  const sortField = sortFieldOf(query.sortBy);
  const decoded = decodeStartAfter(query.startAfter, sortField);
  // A learner's ID token lists their own plays only.
  const userId = who.kind === 'user' ? who.uid : query.userId;
  // One read transaction holds the caller's checks, the page and its lessons (three transactions cost ~0.5 ms
  // more in Chromium). The page (and its lessons) is read while the caller's client is checked: neither
  // needs the other, and the page is answered only once the checks below have passed.
  const { page, lessons } = await deps.db.transaction('r', deps.db.learners, deps.db.lessonPlays, deps.db.lessons, async () => {
    const started = 'error' in decoded ? decoded : { reading: readPageWithLessons(deps, { clientId: query.clientId, userId, lessonId: query.lessonId, sortField, sortOrder: query.sortOrder, page: query.page, pageSize: query.pageSize, cursor: decoded.cursor }) };
    if ('reading' in started) started.reading.catch(() => undefined);
    if (who.kind === 'user') {
      // A learner's only client is their own tenant.
      const learner = await deps.db.learners.get(who.uid);
      if (!learner) throw lessonPlayFailure(401, M.unauthorized);
      if (learner.tenant_id !== query.clientId) throw lessonPlayFailure(500, M.clientNotFound);
      if (query.userId !== undefined && query.userId !== who.uid) throw lessonPlayFailure(401, M.unauthorized);
    } else if (!(await clientKnown(deps.db, query.clientId))) {
      throw lessonPlayFailure(500, M.clientNotFound);
    }
    if ('error' in started) throw lessonPlayFailure(400, started.error.message);
    return started.reading;
  });
  const body: ListLessonPlaysResponse = {
    data: page.rows.map((row) => toApiLessonPlay(row, lessons.get(row.lessonId))),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: page.hasMore,
    nextPageToken: page.nextPageToken,
  };
  return json(body);
}

/** POST /api/lesson-plays: checks in the seed's order of fields, then user, then lesson. */
export async function createLessonPlayRoute(deps: LessonPlayDeps, request: Request): Promise<Response> {
  const who = await caller(deps, request, false);
  if (who.kind !== 'user') throw lessonPlayFailure(401, M.unauthorized);
  const raw = await readBody(request);
  if (!raw.ok) throw lessonPlayFailure(400, 'Invalid JSON body');
  const parsed = createLessonPlayRequestSchema.safeParse(raw.value);
  if (!parsed.success) throw lessonPlayFailure(400, firstIssueMessage(parsed.error.issues));
  const { userId, ...body } = parsed.data;
  if (userId !== undefined && userId !== who.uid) throw lessonPlayFailure(400, M.userIdMismatch);
  const learner = await deps.db.learners.get(who.uid);
  if (!learner) throw lessonPlayFailure(400, M.userNotFound);
  const created = await createLessonPlay(deps, learner, body);
  if (!created.ok) throw lessonPlayFailure(400, M.lessonNotFound);
  const response: CreateLessonPlayResponse = { lessonPlayId: created.play.id, redirectUrl: redirectUrlFor(created.play.id), createdAt: created.play.createdAt };
  return json(response);
}

/** 404 for an unknown play; 401 when an ID token asks for someone else's. */
async function visiblePlay(deps: LessonPlayDeps, who: LessonPlayCaller, playId: string): Promise<LessonPlayRow> {
  const play = await getLessonPlay(deps.db, playId);
  if (!play) throw lessonPlayFailure(404, M.lessonPlayNotFound);
  if (who.kind === 'user' && play.userId !== who.uid) throw lessonPlayFailure(401, M.unauthorized);
  return play;
}

/** GET /api/lesson-plays/:lessonPlayId */
export async function getLessonPlayRoute(deps: LessonPlayDeps, request: Request, playId: string): Promise<Response> {
  const who = await caller(deps, request, true);
  return json({ data: await withLesson(deps, await visiblePlay(deps, who, playId)) });
}

async function ownPlayForWrite(deps: LessonPlayDeps, request: Request, playId: string): Promise<{ uid: string; play: LessonPlayRow }> {
  const who = await caller(deps, request, false);
  if (who.kind !== 'user') throw lessonPlayFailure(401, M.unauthorized);
  return { uid: who.uid, play: await visiblePlay(deps, who, playId) };
}

/** PATCH /api/lesson-plays/:lessonPlayId: returnUrl only; null removes it. */
export async function patchLessonPlayRoute(deps: LessonPlayDeps, request: Request, playId: string): Promise<Response> {
  const { uid, play } = await ownPlayForWrite(deps, request, playId);
  const raw = await readBody(request);
  if (!raw.ok || typeof raw.value !== 'object' || raw.value === null || Array.isArray(raw.value)) throw lessonPlayFailure(400, M.noValidFields);
  const parsed = updateLessonPlayRequestSchema.safeParse(raw.value);
  if (!parsed.success) throw lessonPlayFailure(400, firstIssueMessage(parsed.error.issues));
  const changed = await setLessonPlayReturnUrl(deps, uid, play.id, parsed.data.returnUrl ?? null);
  if (!changed.ok) throw lessonPlayFailure(404, M.lessonPlayNotFound);
  const response: UpdateLessonPlayResponse = { success: true, lessonPlayId: play.id, updatedFields: ['returnUrl'] };
  return json(response);
}

/** PUT /api/lesson-plays/:lessonPlayId/results (Outpost's extension): the play's results, aggregates derived. */
export async function putLessonPlayResultsRoute(deps: LessonPlayDeps, request: Request, playId: string): Promise<Response> {
  const { uid, play } = await ownPlayForWrite(deps, request, playId);
  const raw = await readBody(request);
  if (!raw.ok) throw lessonPlayFailure(400, 'Invalid JSON body');
  const parsed = lessonPlayResultsRequestSchema.safeParse(raw.value);
  if (!parsed.success) throw lessonPlayFailure(400, firstIssueMessage(parsed.error.issues));
  const changed = await recordLessonPlayResults(deps, uid, play.id, parsed.data);
  if (!changed.ok) throw lessonPlayFailure(404, M.lessonPlayNotFound);
  const response: LessonPlayResultsResponse = { success: true, lessonPlayId: play.id, data: await withLesson(deps, changed.play) };
  return json(response);
}
