import { lessonPlayAggregates } from '../../../shared/lesson-plays/aggregates';
import type { CreateLessonPlayRequest } from '../../../shared/schemas/lesson-play';
import type { LessonPlayResultsRequest, LessonPlaySessionResult } from '../../../shared/schemas/lesson-play-results';
import { localRef } from '../../../shared/sync/local-ref';
import type { OutpostDb } from '../db/outpost-db';
import type { LessonPlayRow } from '../db/lesson-play-row';
import type { LearnerRow } from '../db/rows';
import { pendingOperationOf, queueOperation } from './outbox-writer';
import type { DataPorts } from './data-ports';

/**
 * Lesson plays on the kiosk. Every write changes the play and queues the same change for the remote in
 * one transaction (outbox), in the remote's own words: POST /api/lesson-plays, PATCH .../:id and
 * Outpost's PUT .../:id/results. Later operations wait for the create, whose answer gives the remote id.
 */
export type LessonPlayOwner = Pick<LearnerRow, 'id' | 'tenant_id'>;

export const LESSON_PLAY_KINDS = { create: 'lesson_play.create', update: 'lesson_play.update', results: 'lesson_play.results' } as const;

export function lessonPlayTables(db: OutpostDb) {
  return [db.lessonPlays, db.lessons, db.outbox];
}

export type CreatedLessonPlay = { readonly ok: true; readonly play: LessonPlayRow } | { readonly ok: false; readonly error: 'LESSON_NOT_FOUND' };

/** The create body without its userId: the play is always the owner's (the API checked any userId given). */
export type NewLessonPlay = Omit<CreateLessonPlayRequest, 'userId'>;

export async function createLessonPlay(ports: DataPorts, owner: LessonPlayOwner, body: NewLessonPlay): Promise<CreatedLessonPlay> {
  const { db } = ports;
  return db.transaction('rw', lessonPlayTables(db), async (): Promise<CreatedLessonPlay> => {
    if (!(await db.lessons.get(body.lessonId))) return { ok: false, error: 'LESSON_NOT_FOUND' };
    const row: LessonPlayRow = {
      id: ports.newId(),
      clientId: owner.tenant_id,
      userId: owner.id,
      ...body,
      createdAt: ports.now().toISOString(),
      completedAt: null,
      sessions: [],
    };
    await db.lessonPlays.add(row);
    await queueOperation(ports, {
      kind: LESSON_PLAY_KINDS.create,
      entity_id: row.id,
      method: 'POST',
      path: '/api/lesson-plays',
      body: { ...body, userId: owner.id },
      acting_user_id: owner.id,
    });
    return { ok: true, play: row };
  });
}

export type ChangedLessonPlay = { readonly ok: true; readonly play: LessonPlayRow } | { readonly ok: false; readonly error: 'NOT_FOUND' };

async function ownPlay(db: OutpostDb, playId: string, ownerId: string): Promise<LessonPlayRow | undefined> {
  const play = await db.lessonPlays.get(playId);
  return play && play.userId === ownerId ? play : undefined;
}

async function afterCreate(db: OutpostDb, playId: string): Promise<string[]> {
  const create = await pendingOperationOf(db, playId, LESSON_PLAY_KINDS.create);
  return create ? [create.id] : [];
}

/** PATCH: the return URL (null removes it), the only field the seed lets a client change. */
export async function setLessonPlayReturnUrl(ports: DataPorts, ownerId: string, playId: string, returnUrl: string | null): Promise<ChangedLessonPlay> {
  const { db } = ports;
  return db.transaction('rw', lessonPlayTables(db), async (): Promise<ChangedLessonPlay> => {
    const play = await ownPlay(db, playId, ownerId);
    if (!play) return { ok: false, error: 'NOT_FOUND' };
    const { returnUrl: _old, ...rest } = play;
    const next: LessonPlayRow = returnUrl === null ? rest : { ...rest, returnUrl };
    await db.lessonPlays.put(next);
    await queueOperation(ports, {
      kind: LESSON_PLAY_KINDS.update,
      entity_id: play.id,
      method: 'PATCH',
      path: `/api/lesson-plays/${localRef('lesson_play', play.id)}`,
      body: { returnUrl },
      acting_user_id: ownerId,
      depends_on: await afterCreate(db, play.id),
    });
    return { ok: true, play: next };
  });
}

/**
 * A play with its results replaced by `results` (the PUT body) and the aggregates derived from them.
 * Shared with the reference server's rule through shared/lesson-plays/aggregates.ts.
 */
export function withResults<T extends LessonPlayRow>(play: T, results: LessonPlayResultsRequest): T {
  const sessions = [...results.sessions].sort((a, b) => a.index - b.index);
  const next: T = { ...play, sessions, ...lessonPlayAggregates(sessions) };
  if (results.activityTime !== undefined) next.activityTime = results.activityTime;
  if (results.caloriesBurned !== undefined) next.caloriesBurned = results.caloriesBurned;
  if (results.completedAt !== undefined) next.completedAt = results.completedAt;
  return next;
}

/** What a play's results are now, as a PUT body (titles are the lesson's, so they are not part of it). */
export function resultsOf(play: LessonPlayRow): LessonPlayResultsRequest {
  return {
    sessions: play.sessions.map(({ title: _title, ...session }) => session),
    ...(play.activityTime !== undefined ? { activityTime: play.activityTime } : {}),
    ...(play.caloriesBurned !== undefined ? { caloriesBurned: play.caloriesBurned } : {}),
    ...(play.completedAt !== undefined ? { completedAt: play.completedAt } : {}),
  };
}

/** PUT .../results: replaces the play's results; the whole result is queued, so the last write wins remotely too. */
export async function recordLessonPlayResults(ports: DataPorts, ownerId: string, playId: string, results: LessonPlayResultsRequest): Promise<ChangedLessonPlay> {
  const { db } = ports;
  return db.transaction('rw', lessonPlayTables(db), async (): Promise<ChangedLessonPlay> => {
    const play = await ownPlay(db, playId, ownerId);
    if (!play) return { ok: false, error: 'NOT_FOUND' };
    const next = withResults(play, results);
    await db.lessonPlays.put(next);
    await queueOperation(ports, {
      kind: LESSON_PLAY_KINDS.results,
      entity_id: play.id,
      method: 'PUT',
      path: `/api/lesson-plays/${localRef('lesson_play', play.id)}/results`,
      body: resultsOf(next),
      acting_user_id: ownerId,
      depends_on: await afterCreate(db, play.id),
    });
    return { ok: true, play: next };
  });
}

/** One session's result added to (or replacing the same index in) what the play has. */
export function withSessionResult(current: LessonPlayResultsRequest, session: LessonPlaySessionResult): LessonPlayResultsRequest {
  return { ...current, sessions: [...current.sessions.filter((s) => s.index !== session.index), session].sort((a, b) => a.index - b.index) };
}
