import { beforeEach, describe, expect, it } from 'vitest';
import { startContentSessionResponseSchema } from '../../../shared/schemas/content-session';
import { masteryLogDiffResponseSchema } from '../../../shared/schemas/mastery-log';
import { ALICE, BOB, createApiFixture } from '../../support/local-api-fixture';
import type { ApiFixture } from '../../support/local-api-fixture';
import { switchableGuard } from '../../support/instructor-guards';

const exercise = { node_id: 'n1', content_id: 'c1', channel_id: 'ch', kind: 'exercise', mastery_model: { type: 'm_of_n', m: 3, n: 5 } };
const answer = (item: string, correct: number, extra: Record<string, unknown> = {}) => ({ item, correct, time_spent: 4, complete: correct === 1, answer: { v: correct }, ...extra });

let f: ApiFixture;
let alice: string;
beforeEach(async () => {
  f = await createApiFixture();
  alice = await f.token(ALICE);
});
const start = (body: unknown, token = alice) => f.call('POST', '/api/logger/contentsession', { token, body });
const put = (id: string, body: unknown, token = alice) => f.call('PUT', `/api/logger/contentsession/${id}`, { token, body });
const get = (path: string, token = alice, headers?: Record<string, string>) => f.call('GET', path, { token, ...(headers ? { headers } : {}) });
const outbox = () => f.db.outbox.orderBy('seq').toArray();

describe('POST /api/logger/contentsession', () => {
  it('starts an exercise try, resumes it with past attempts, and queues each start for the remote', async () => {
    const first = startContentSessionResponseSchema.parse((await start(exercise)).body);
    expect(first).toMatchObject({ context: { node_id: 'n1', mastery_level: 1 }, progress: 0, complete: false, mastery_criterion: exercise.mastery_model, pastattempts: [], totalattempts: 0 });
    await put(first.session_id, { interactions: [answer('a', 1), answer('b', 0)], progress: 0.334, time_spent_delta: 8 });
    const again = startContentSessionResponseSchema.parse((await start(exercise)).body);
    expect(again).toMatchObject({ totalattempts: 2, progress: 0.334, time_spent: 8, context: { mastery_level: 1 } });
    expect(again.pastattempts?.map((a) => a.item)).toEqual(['b', 'a']);
    expect(await f.db.contentSessionLogs.count()).toBe(2);
    const ops = await outbox();
    expect(ops.map((op) => op.kind)).toEqual(['content_session.start', 'content_session.update', 'content_session.start']);
    expect(ops[2]?.depends_on).toEqual([ops[1]?.id]);
    expect(ops[1]).toMatchObject({ method: 'PUT', path: `/api/logger/contentsession/local:content_session:${first.session_id}`, acting_user_id: ALICE });
  });

  it('refuses bad bodies with 400 and the field, and needs a token', async () => {
    expect(await start({ ...exercise, mastery_model: undefined })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(await start({ quiz_id: 'q', lesson_id: 'l' })).toMatchObject({ status: 400 });
    expect(await start({ ...exercise, mastery_model: { type: 'm_of_n', m: 6, n: 5 } })).toMatchObject({ status: 400 });
    expect((await f.call('POST', '/api/logger/contentsession', { body: exercise })).status).toBe(401);
    expect(await f.db.outbox.count()).toBe(0);
  });
});

describe('PUT /api/logger/contentsession/:id', () => {
  it('applies Kolibri attempt rules and answers with the attempts', async () => {
    const { session_id } = (await start(exercise)).body;
    const first = await put(session_id, { interactions: [answer('a', 0)] });
    const id = first.body.attempts[0].id;
    const retry = await put(session_id, { interactions: [answer('a', 1, { id })] });
    expect(retry.body).toEqual({ complete: false, attempts: [expect.objectContaining({ id, correct: 0, complete: true })] });
    const update = (await outbox()).at(-1);
    expect(update?.body).toMatchObject({ interactions: [{ id: `local:attempt_log:${id}` }] });
    expect(id).toBe(`${(await outbox())[1]?.id}-0`);
  });

  it('400 for progress with progress_delta; 404 for another learner; nothing written either way', async () => {
    const { session_id } = (await start(exercise)).body;
    const before = await f.db.outbox.count();
    expect(await put(session_id, { progress: 0.5, progress_delta: 0.1 })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(await put(session_id, { progress: 0.5 }, await f.token(BOB))).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await put(session_id, { interactions: [answer('a', 1, { id: 'nope' })] })).toMatchObject({ status: 400 });
    expect(await f.db.outbox.count()).toBe(before);
    expect(await f.db.attemptLogs.count()).toBe(0);
  });

  it('a submitted coach quiz refuses updates and resumes with 403; repeat starts a new try', async () => {
    const quiz = (await start({ quiz_id: 'quiz1' })).body;
    expect(quiz.context.mastery_level).toBeLessThan(0);
    await put(quiz.session_id, { interactions: [answer('a', 1, { replace: true })], progress: 0.5 });
    expect((await put(quiz.session_id, { progress: 1 })).body.complete).toBe(true);
    const sent = await f.db.outbox.count();
    expect(await put(quiz.session_id, { time_spent_delta: 2 })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await start({ quiz_id: 'quiz1' })).status).toBe(403);
    expect(await f.db.outbox.count()).toBe(sent);
    expect((await start({ quiz_id: 'quiz1', repeat: true })).body).toMatchObject({ complete: false, totalattempts: 0 });
  });
});

describe('reading the logs', () => {
  it('total progress counts finished tries, only your own', async () => {
    const { session_id } = (await start(exercise)).body;
    await put(session_id, { progress: 1 });
    const second = (await start({ ...exercise, repeat: true })).body;
    await put(second.session_id, { progress: 1 });
    expect((await get(`/api/logger/totalcontentprogress/${ALICE}`)).body).toEqual({ id: ALICE, progress: 2 });
    expect(await get(`/api/logger/totalcontentprogress/${BOB}`)).toMatchObject({ status: 403 });
  });

  it('lists tries with filters and pages, diffs them, and lists attempts; another learner sees nothing', async () => {
    const one = (await start(exercise)).body;
    await put(one.session_id, { interactions: [answer('a', 0), answer('b', 1)], time_spent_delta: 30, progress: 1 });
    const two = (await start({ ...exercise, repeat: true })).body;
    await put(two.session_id, { interactions: [answer('a', 1)], time_spent_delta: 10 });
    const list = await get(`/api/logger/masterylog?content=c1&user=${ALICE}`);
    expect(list.body.map((t: { complete: boolean }) => t.complete)).toEqual([false, true]);
    expect((await get(`/api/logger/masterylog?content=c1&user=${ALICE}&complete=true&page_size=1`)).body).toMatchObject({ page: 1, count: 1, results: [{ complete: true }] });
    expect((await get(`/api/logger/masterylog?content=c1&user=${ALICE}`, await f.token(BOB))).body).toEqual([]);
    const diff = masteryLogDiffResponseSchema.parse((await get(`/api/logger/masterylog/0/diff?content=c1&user=${ALICE}`)).body);
    expect(diff).toMatchObject({ diff: { correct: 0, time_spent: -20 }, attemptlogs: [{ item: 'a', diff: { correct: 1 } }] });
    expect((await get(`/api/logger/masterylog/abc/diff?content=c1&user=${ALICE}`)).status).toBe(404);
    expect((await get(`/api/logger/attemptlog?content=c1&mastery_level=1`)).body.map((a: { item: string }) => a.item)).toEqual(['b', 'a']);
    expect((await get(`/api/logger/attemptlog?user=${ALICE}&page_size=1`)).body).toMatchObject({ count: 3, total_pages: 3 });
    expect((await get(`/api/logger/attemptlog?complete=maybe`)).status).toBe(400);
  });

  it('reads started while the caller is checked answer nothing to a caller refused or not allowed, and keep the refusals in order', async () => {
    const one = (await start(exercise)).body;
    await put(one.session_id, { interactions: [answer('a', 1)] });
    const bob = await f.token(BOB);
    const diffPath = `/api/logger/masterylog/0/diff?content=c1&user=${ALICE}`;
    // No valid token: 401 first, whatever else is wrong with the request.
    for (const path of [diffPath, `/api/logger/masterylog/abc/diff?content=c1&user=${ALICE}`, `/api/logger/masterylog/0/diff?user=${ALICE}`, `/api/logger/attemptlog?user=${ALICE}&page_size=0`, `/api/logger/attemptlog?user=${ALICE}`]) {
      expect(await f.call('GET', path, { token: 'not-a-token' }), path).toMatchObject({ status: 401 });
    }
    // Signed in: the bad index is 404 before the missing content is 400, as Kolibri orders them.
    expect((await get(`/api/logger/masterylog/abc/diff?user=${ALICE}`)).status).toBe(404);
    expect((await get(`/api/logger/masterylog/0/diff?user=${ALICE}`)).status).toBe(400);
    // Another learner's logs were read, but are not answered.
    expect(await get(diffPath, bob)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect((await get(`/api/logger/attemptlog?user=${ALICE}`, bob)).body).toEqual([]);
    expect((await get(`/api/logger/attemptlog?user=${ALICE}&page_size=5`, bob)).body).toEqual({ page: 1, count: 0, total_pages: 1, results: [] });
    expect((await get(`/api/logger/attemptlog?user=${ALICE}&page_size=5&page=2`, bob)).status).toBe(404);
    expect((await get(diffPath)).body.attemptlogs).toHaveLength(1);
    expect((await get(`/api/logger/attemptlog?user=${ALICE}&page_size=5`)).body).toMatchObject({ count: 1, results: [{ item: 'a' }] });
  });

  it('an instructor reads any learner while main confirms the sign-in; otherwise the claim is refused', async () => {
    const guard = switchableGuard(true);
    f = await createApiFixture({ instructor: guard });
    alice = await f.token(ALICE);
    const { session_id } = (await start(exercise)).body;
    await put(session_id, { interactions: [answer('a', 1)] });
    const coach = { authorization: 'Instructor' };
    const asCoach = (path: string) => f.call('GET', path, { headers: coach });
    expect((await asCoach(`/api/logger/masterylog?content=c1&user=${ALICE}`)).body).toHaveLength(1);
    expect((await asCoach(`/api/logger/attemptlog?user=${ALICE}`)).body).toHaveLength(1);
    guard.signedIn = false;
    expect((await asCoach(`/api/logger/masterylog?content=c1&user=${ALICE}`)).status).toBe(401);
  });
});
