import { describe, expect, it } from 'vitest';
import { attemptLogSchema } from '../../shared/schemas/attempt-log';
import { startContentSessionResponseSchema, updateContentSessionResponseSchema } from '../../shared/schemas/content-session';
import type { InteractionInput } from '../../shared/schemas/content-session';
import { totalContentProgressResponseSchema } from '../../shared/schemas/content-summary-log';
import { masteryLogDiffResponseSchema, masteryLogSchema } from '../../shared/schemas/mastery-log';
import { SEED_ALICE, SEED_BOB, SEED_EXERCISE, SEED_QUIZ } from './catalog-seed';
import { useTestServer } from './use-test-server';

const VIDEO = 'c0de0000000040008000000000000001';
const threeOfFive = { type: 'm_of_n', m: 3, n: 5 };
const video = { node_id: VIDEO, content_id: VIDEO, channel_id: 'chan', kind: 'video' };

const t = useTestServer();

const start = (body: unknown, as = t.token) => t.call('POST', '/api/logger/contentsession', { token: as, body });
const update = (id: string, body: unknown, as = t.token) => t.call('PUT', `/api/logger/contentsession/${id}`, { token: as, body });
const answers = (pattern: string): InteractionInput[] => [...pattern].map((mark, i) => ({ item: `q${i}`, correct: mark === '1' ? 1 : 0, time_spent: 5, complete: true, answer: { value: mark } }));
const get = (path: string) => t.call('GET', path, { token: t.token });

describe('content sessions (non-exercise)', () => {
  it('starts a session, adds progress and time, completes at 1 and counts towards total progress', async () => {
    const started = await start(video);
    expect(started.status).toBe(200);
    const body = startContentSessionResponseSchema.parse(started.body);
    expect(body).toMatchObject({ context: { node_id: VIDEO }, progress: 0, time_spent: 0, extra_fields: {}, complete: false });
    expect(body.mastery_criterion).toBeUndefined();

    const half = await update(body.session_id, { progress_delta: 0.5, time_spent_delta: 30, extra_fields: { position: 120 } });
    expect(updateContentSessionResponseSchema.parse(half.body)).toEqual({ complete: false });
    const done = await update(body.session_id, { progress_delta: 0.75, time_spent_delta: 30 });
    expect(done.body).toEqual({ complete: true });
    expect(t.server.inspect.contentSummaries()[0]).toMatchObject({ progress: 1, time_spent: 60, extra_fields: { position: 120 }, completion_timestamp: expect.any(String) });

    const total = await get(`/api/logger/totalcontentprogress/${SEED_ALICE}`);
    expect(totalContentProgressResponseSchema.parse(total.body)).toEqual({ id: SEED_ALICE, progress: 1 });
    expect(await get(`/api/logger/totalcontentprogress/${SEED_BOB}`)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('carries progress into the next session; an absolute progress sets it (Kolibri trusts the client); repeat resets it', async () => {
    const first = (await start(video)).body.session_id;
    await update(first, { progress: 0.6, time_spent_delta: 10 });
    const second = await start(video);
    expect(second.body).toMatchObject({ progress: 0.6, time_spent: 10 });
    await update(second.body.session_id, { progress: 0.2 });
    expect(t.server.inspect.contentSummaries()[0]?.progress).toBe(0.2);
    await update(second.body.session_id, { progress_delta: 0.3331 });
    expect(t.server.inspect.contentSummaries()[0]?.progress).toBe(0.534);
    const again = await start({ ...video, repeat: true });
    expect(again.body).toMatchObject({ progress: 0, complete: false });
    expect(t.server.inspect.contentSessions()).toHaveLength(3);
  });

  it('refuses invalid bodies with VALIDATION_ERROR on the field, as Kolibri does', async () => {
    expect((await start({ kind: 'video' })).body.details).toEqual([expect.objectContaining({ path: 'node_id' })]);
    expect((await start({ node_id: SEED_EXERCISE, content_id: SEED_EXERCISE, channel_id: 'c', kind: 'exercise' })).body.details).toEqual([expect.objectContaining({ path: 'mastery_model' })]);
    expect((await start({ node_id: VIDEO, kind: 'video' })).body.details.map((d: { path: string }) => d.path).sort()).toEqual(['channel_id', 'content_id']);
    expect((await start({ quiz_id: SEED_QUIZ, node_id: VIDEO })).status).toBe(400);
    const id = (await start(video)).body.session_id;
    expect(await update(id, { progress: 0.5, progress_delta: 0.1 })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(await update(id, { progress_delta: 2 })).toMatchObject({ status: 400 });
    expect(await update(id, { interactions: answers('1') })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(await update(id, { interactions: [{ item: 'q', correct: 1, time_spent: 1 }] })).toMatchObject({ status: 400 });
  });

  it("answers 404 for an unknown session or another learner's, and 401 without a token", async () => {
    const id = (await start(video)).body.session_id;
    expect(await update(id, { progress_delta: 0.1 }, t.server.tokens.issue(SEED_BOB))).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect((await update('nope', { progress_delta: 0.1 })).status).toBe(404);
    expect(await t.call('POST', '/api/logger/contentsession', { body: video })).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
  });
});

describe('exercises and quizzes', () => {
  const exercise = (model: unknown = threeOfFive, extra: Record<string, unknown> = {}) => start({ node_id: SEED_EXERCISE, content_id: SEED_EXERCISE, channel_id: 'chan', kind: 'exercise', mastery_model: model, ...extra }).then((res) => startContentSessionResponseSchema.parse(res.body));

  it('records attempts; the try completes when the client reports progress 1', async () => {
    const session = await exercise();
    expect(session).toMatchObject({ mastery_criterion: threeOfFive, pastattempts: [], totalattempts: 0, context: { mastery_level: 1 } });
    const partial = await update(session.session_id, { interactions: answers('10'), time_spent_delta: 10, progress: 0.334 });
    expect(partial.body.complete).toBe(false);
    expect(partial.body.attempts.map((a: { item: string }) => a.item)).toEqual(['q0', 'q1']);
    const done = await update(session.session_id, { interactions: answers('011').slice(1), progress_delta: 0.666 });
    expect(done.body.complete).toBe(true);
    expect(t.server.inspect.masteryLogs()[0]).toMatchObject({ complete: true, correct: 3, time_spent: 10, completion_timestamp: expect.any(String) });
  });

  it('returns the newest n past attempts and the total when the exercise is resumed', async () => {
    const first = await exercise({ type: 'num_correct_in_a_row_2' });
    await update(first.session_id, { interactions: answers('100') });
    const resumed = await exercise({ type: 'num_correct_in_a_row_2' });
    expect(resumed).toMatchObject({ totalattempts: 3, context: { mastery_level: 1 } });
    expect(resumed.pastattempts?.map((a) => [a.item, a.correct])).toEqual([['q2', 0], ['q1', 0]]);
  });

  it('a submitted coach quiz refuses updates and a resume (403); repeat starts a new try', async () => {
    const quiz = startContentSessionResponseSchema.parse((await start({ quiz_id: SEED_QUIZ })).body);
    expect(quiz).toMatchObject({ context: { quiz_id: SEED_QUIZ, mastery_level: expect.any(Number) }, mastery_criterion: { type: 'quiz', coach_assigned: true } });
    expect(quiz.context.mastery_level).toBeLessThan(0);
    await update(quiz.session_id, { interactions: answers('10').map((a) => ({ ...a, replace: true })), progress: 0.66 });
    expect((await update(quiz.session_id, { progress: 1 })).body.complete).toBe(true);
    expect(await update(quiz.session_id, { interactions: answers('1') })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await start({ quiz_id: SEED_QUIZ })).status).toBe(403);
    expect((await start({ quiz_id: SEED_QUIZ, repeat: true })).status).toBe(200);
    expect((await get(`/api/logger/masterylog?content=${SEED_QUIZ}&user=${SEED_ALICE}&quiz=true`)).body).toHaveLength(2);
  });

  it('lists tries newest first with paging, diffs them and filters attempt logs', async () => {
    const first = await exercise();
    await update(first.session_id, { interactions: answers('10100'), time_spent_delta: 50, progress: 1 });
    const second = await exercise(threeOfFive, { repeat: true });
    expect(second).toMatchObject({ context: { mastery_level: 2 }, totalattempts: 0, complete: false, time_spent: 0 });
    await update(second.session_id, { interactions: answers('111'), time_spent_delta: 20 });

    const list = await get(`/api/logger/masterylog?content=${SEED_EXERCISE}&user=${SEED_ALICE}`);
    expect(list.body.map((log: unknown) => masteryLogSchema.parse(log).complete)).toEqual([false, true]);
    expect((await get(`/api/logger/masterylog?content=${SEED_EXERCISE}&user=${SEED_BOB}`)).body).toEqual([]);
    const page = await get(`/api/logger/masterylog?content=${SEED_EXERCISE}&user=${SEED_ALICE}&page_size=1&page=2`);
    expect(page.body).toMatchObject({ page: 2, count: 2, total_pages: 2, results: [{ complete: true }] });
    expect((await get(`/api/logger/masterylog?content=${SEED_EXERCISE}&user=${SEED_ALICE}&page_size=1&page=3`)).status).toBe(404);

    const diff = masteryLogDiffResponseSchema.parse((await get(`/api/logger/masterylog/0/diff?content=${SEED_EXERCISE}&user=${SEED_ALICE}`)).body);
    expect(diff.diff).toEqual({ correct: 1, time_spent: -30 });
    expect(diff.attemptlogs.map((a) => a.diff.correct)).toEqual([0, 1, 0]);
    expect((await get(`/api/logger/masterylog/1/diff?content=${SEED_EXERCISE}&user=${SEED_ALICE}`)).body.diff).toBeNull();
    expect((await get(`/api/logger/masterylog/2/diff?content=${SEED_EXERCISE}&user=${SEED_ALICE}`)).status).toBe(404);
    expect((await get(`/api/logger/masterylog/x/diff?content=${SEED_EXERCISE}&user=${SEED_ALICE}`)).status).toBe(404);

    const level2 = await get(`/api/logger/attemptlog?content=${SEED_EXERCISE}&mastery_level=2`);
    expect(level2.body.map((a: unknown) => attemptLogSchema.parse(a).item)).toEqual(['q2', 'q1', 'q0']);
    expect((await get(`/api/logger/attemptlog?user=${SEED_ALICE}&item=q1`)).body.map((a: { correct: number }) => a.correct)).toEqual([1, 0]);
    expect((await get(`/api/logger/attemptlog?user=${SEED_BOB}`)).body).toEqual([]);
  });

  it('validates log queries: content and user are required, booleans are spelled out', async () => {
    expect(await get(`/api/logger/masterylog?user=${SEED_ALICE}`)).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect((await get(`/api/logger/attemptlog?complete=ture`)).status).toBe(400);
  });
});
