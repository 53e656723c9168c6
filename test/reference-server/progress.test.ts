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

const t = useTestServer();

const start = (body: unknown, as = t.token) => t.call('POST', '/api/logger/contentsession', { token: as, body });
const update = (id: string, body: unknown, as = t.token) => t.call('PUT', `/api/logger/contentsession/${id}`, { token: as, body });
const answers = (pattern: string): InteractionInput[] => [...pattern].map((mark, i) => ({ item: `q${i}`, correct: mark === '1' ? 1 : 0, time_spent: 5, complete: true }));

describe('content sessions (non-exercise)', () => {
  it('starts a session, adds progress and time, completes at 1 and counts towards total progress', async () => {
    const started = await start({ node_id: VIDEO, content_id: VIDEO, channel_id: 'chan', kind: 'video' });
    expect(started.status).toBe(200);
    const body = startContentSessionResponseSchema.parse(started.body);
    expect(body).toMatchObject({ context: { node_id: VIDEO }, progress: 0, time_spent: 0, extra_fields: {}, complete: false });
    expect(body.mastery_criterion).toBeUndefined();

    const half = await update(body.session_id, { progress_delta: 0.5, time_spent_delta: 30, extra_fields: { position: 120 } });
    expect(updateContentSessionResponseSchema.parse(half.body)).toEqual({ complete: false });
    const done = await update(body.session_id, { progress_delta: 0.75, time_spent_delta: 30 });
    expect(done.body).toEqual({ complete: true });
    expect(t.server.inspect.contentSummaries()[0]).toMatchObject({ progress: 1, time_spent: 60, extra_fields: { position: 120 }, completion_timestamp: expect.any(String) });

    const total = await t.call('GET', `/api/logger/totalcontentprogress/${SEED_ALICE}`, { token: t.token });
    expect(totalContentProgressResponseSchema.parse(total.body)).toEqual({ id: SEED_ALICE, progress: 1 });
  });

  it('carries progress into the next session, never lowers it, and resets it on repeat', async () => {
    const first = (await start({ content_id: VIDEO, node_id: VIDEO, kind: 'video' })).body.session_id;
    await update(first, { progress: 0.6, time_spent_delta: 10 });
    const second = await start({ content_id: VIDEO, node_id: VIDEO, kind: 'video' });
    expect(second.body).toMatchObject({ progress: 0.6, time_spent: 10 });
    await update(second.body.session_id, { progress: 0.2 });
    expect(t.server.inspect.contentSummaries()[0]?.progress).toBe(0.6);
    const again = await start({ content_id: VIDEO, node_id: VIDEO, kind: 'video', repeat: true });
    expect(again.body).toMatchObject({ progress: 0, complete: false });
  });

  it('refuses invalid bodies with VALIDATION_ERROR', async () => {
    expect((await start({ kind: 'video' })).body.details).toEqual([expect.objectContaining({ path: 'node_id' })]);
    expect((await start({ node_id: SEED_EXERCISE, kind: 'exercise' })).body.details).toEqual([expect.objectContaining({ path: 'mastery_model' })]);
    const id = (await start({ node_id: VIDEO, kind: 'video' })).body.session_id;
    expect(await update(id, { progress: 0.5, progress_delta: 0.1 })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(await update(id, { progress_delta: 2 })).toMatchObject({ status: 400 });
    expect(await update(id, { interactions: answers('1') })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
  });

  it("answers 404 for an unknown session or another learner's, and 401 without a token", async () => {
    const id = (await start({ node_id: VIDEO, kind: 'video' })).body.session_id;
    expect(await update(id, { progress_delta: 0.1 }, t.server.tokens.issue(SEED_BOB))).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect((await update('nope', { progress_delta: 0.1 })).status).toBe(404);
    expect(await t.call('POST', '/api/logger/contentsession', { body: { node_id: VIDEO } })).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
  });
});

describe('exercises and mastery', () => {
  async function exercise(model: unknown = threeOfFive, extra: Record<string, unknown> = {}) {
    const res = await start({ node_id: SEED_EXERCISE, content_id: SEED_EXERCISE, kind: 'exercise', mastery_model: model, ...extra });
    return startContentSessionResponseSchema.parse(res.body);
  }

  it('records attempts and completes when the mastery criterion is met', async () => {
    const session = await exercise();
    expect(session).toMatchObject({ mastery_criterion: threeOfFive, pastattempts: [], totalattempts: 0, context: { mastery_level: 1 } });
    const partial = await update(session.session_id, { interactions: answers('10'), time_spent_delta: 10 });
    expect(partial.body.complete).toBe(false);
    expect(partial.body.attempts.map((a: unknown) => attemptLogSchema.parse(a).item)).toEqual(['q0', 'q1']);
    const done = await update(session.session_id, { interactions: answers('011').slice(1) });
    expect(done.body.complete).toBe(true);
    const [log] = t.server.inspect.masteryLogs();
    expect(log).toMatchObject({ complete: true, correct: 3, time_spent: 10, completion_timestamp: expect.any(String) });
    expect(t.server.inspect.contentSummaries()[0]?.progress).toBe(1);
  });

  it('returns past attempts (newest first) and the total when the exercise is resumed', async () => {
    const first = await exercise();
    await update(first.session_id, { interactions: answers('100') });
    const resumed = await exercise();
    expect(resumed.context.mastery_level).toBe(1);
    expect(resumed.totalattempts).toBe(3);
    expect(resumed.pastattempts?.map((a) => [a.item, a.correct])).toEqual([['q2', 0], ['q1', 0], ['q0', 1]]);
  });

  it('updates an attempt by id or by replace, keeping its history; partial and unchecked answers do not count', async () => {
    const session = await exercise({ type: 'num_correct_in_a_row_2' });
    const first = await update(session.session_id, { interactions: [{ item: 'a', correct: 0.5, time_spent: 3, complete: true }, { item: 'b', correct: 1, time_spent: 3 }] });
    expect(first.body.complete).toBe(false);
    const [a, b] = first.body.attempts as Array<{ id: string }>;
    const byId = await update(session.session_id, { interactions: [{ id: a?.id, item: 'a', correct: 1, time_spent: 6, complete: true, hinted: true }] });
    expect(byId.body.attempts[0]).toMatchObject({ id: a?.id, correct: 1, hinted: true, interaction_history: [expect.objectContaining({ correct: 0.5 }), expect.objectContaining({ correct: 1 })] });
    expect(byId.body.complete).toBe(false);
    const replaced = await update(session.session_id, { interactions: [{ item: 'b', correct: 1, time_spent: 4, complete: true, replace: true }] });
    expect(replaced.body.attempts[0].id).toBe(b?.id);
    expect(replaced.body.complete).toBe(true);
    expect(t.server.inspect.attemptLogs()).toHaveLength(2);
    expect(await update(session.session_id, { interactions: [{ id: 'missing', item: 'a', correct: 1, time_spent: 1 }] })).toMatchObject({ status: 400 });
  });

  it('judges do_all by the question count from the seed', async () => {
    const session = await exercise({ type: 'do_all' });
    const res = await update(session.session_id, { interactions: answers('1111') });
    expect(res.body.complete).toBe(true);
  });

  it('starts a coach-assigned quiz by quiz_id alone; it is finished when every question has an answer', async () => {
    const res = await start({ quiz_id: SEED_QUIZ });
    const session = startContentSessionResponseSchema.parse(res.body);
    expect(session).toMatchObject({ context: { quiz_id: SEED_QUIZ, mastery_level: 1 }, mastery_criterion: { type: 'quiz', coach_assigned: true } });
    expect((await update(session.session_id, { interactions: answers('10') })).body.complete).toBe(false);
    expect((await update(session.session_id, { interactions: [{ item: 'q2', correct: 0, time_spent: 1, complete: true }] })).body.complete).toBe(true);
    const logs = await t.call('GET', `/api/logger/masterylog?content=${SEED_QUIZ}&user=${SEED_ALICE}&quiz=true`, { token: t.token });
    expect(logs.body).toHaveLength(1);
  });

  it('repeat starts a new mastery log one level up, which the list, diff and attempt log endpoints expose', async () => {
    const first = await exercise();
    await update(first.session_id, { interactions: answers('10100'), time_spent_delta: 50 });
    const second = await exercise(threeOfFive, { repeat: true });
    expect(second).toMatchObject({ context: { mastery_level: 2 }, totalattempts: 0 });
    await update(second.session_id, { interactions: answers('111'), time_spent_delta: 20 });

    const list = await t.call('GET', `/api/logger/masterylog?content=${SEED_EXERCISE}&user=${SEED_ALICE}`, { token: t.token });
    expect(list.body.map((log: unknown) => masteryLogSchema.parse(log).complete)).toEqual([true, false]);
    expect((await t.call('GET', `/api/logger/masterylog?content=${SEED_EXERCISE}&user=${SEED_ALICE}&complete=false&page_size=5`, { token: t.token })).body).toHaveLength(1);
    expect((await t.call('GET', `/api/logger/masterylog?content=${SEED_EXERCISE}&user=${SEED_ALICE}&page_size=1`, { token: t.token })).body).toHaveLength(1);

    const diff = await t.call('GET', `/api/logger/masterylog/0/diff?content=${SEED_EXERCISE}&user=${SEED_ALICE}`, { token: t.token });
    const parsed = masteryLogDiffResponseSchema.parse(diff.body);
    expect(parsed.diff).toEqual({ correct: 1, time_spent: -30 });
    expect(parsed.attemptlogs.map((a) => a.diff)).toEqual([{ correct: 0, time_spent: 0 }, { correct: 1, time_spent: 0 }, { correct: 0, time_spent: 0 }]);
    const oldest = await t.call('GET', `/api/logger/masterylog/1/diff?content=${SEED_EXERCISE}&user=${SEED_ALICE}`, { token: t.token });
    expect(oldest.body.diff).toBeNull();
    expect((await t.call('GET', `/api/logger/masterylog/2/diff?content=${SEED_EXERCISE}&user=${SEED_ALICE}`, { token: t.token })).status).toBe(404);

    const level2 = await t.call('GET', `/api/logger/attemptlog?content=${SEED_EXERCISE}&mastery_level=2`, { token: t.token });
    expect(level2.body.map((a: unknown) => attemptLogSchema.parse(a).item)).toEqual(['q2', 'q1', 'q0']);
    const wrongOnes = await t.call('GET', `/api/logger/attemptlog?user=${SEED_ALICE}&item=q1&page_size=10`, { token: t.token });
    expect(wrongOnes.body.map((a: { correct: number }) => a.correct)).toEqual([1, 0]);
    expect((await t.call('GET', `/api/logger/attemptlog?masterylog=${list.body[1].id}`, { token: t.token })).body).toHaveLength(5);
  });

  it('validates log queries: content and user are required, booleans are spelled out', async () => {
    expect(await t.call('GET', `/api/logger/masterylog?user=${SEED_ALICE}`, { token: t.token })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect((await t.call('GET', `/api/logger/attemptlog?complete=ture`, { token: t.token })).status).toBe(400);
    expect((await t.call('GET', `/api/logger/masterylog/x/diff?content=c&user=u`, { token: t.token })).status).toBe(400);
  });
});
