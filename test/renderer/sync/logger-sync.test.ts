import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttemptRecord, MasteryRecord, SummaryRecord } from '../../../shared/mastery/logger-records';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { startSyncHarness } from '../../support/sync-harness';
import type { SyncHarness } from '../../support/sync-harness';

let h: SyncHarness;
beforeEach(async () => {
  h = await startSyncHarness({ learners: 1, packages: 1 });
});
afterEach(async () => {
  await h.stop();
});

async function call(token: string, method: string, path: string, body?: unknown) {
  const response = await h.api(new Request(`http://outpost.local${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field below
  return { status: response.status, body: (await response.json()) as any };
}

const exercise = { node_id: 'e1', content_id: 'e1', channel_id: 'ch', kind: 'exercise', mastery_model: { type: 'num_correct_in_a_row_2' } };
const answer = (item: string, correct: number, extra: Record<string, unknown> = {}) => ({ item, correct, time_spent: 3, complete: correct === 1, answer: { v: correct }, ...extra });

/** What must agree on both sides, without ids and clocks (each side stamps its own). */
const summaryView = (s: SummaryRecord) => [s.content_id, s.kind, s.progress, s.time_spent, s.completion_timestamp !== null];
const tryView = (t: MasteryRecord) => [t.content_id, t.mastery_level > 0 ? t.mastery_level : 'quiz', t.complete, t.correct, t.attempt_count, t.time_spent];
const attemptView = (a: AttemptRecord) => [a.content_id, a.item, a.ordinal, a.correct, a.complete, a.hinted, a.error, a.interaction_history];
const byKey = <T>(rows: T[], view: (row: T) => unknown[]) => rows.map(view).map((v) => JSON.stringify(v)).sort();

describe('exercise and quiz logs reach the reference server through the outbox', () => {
  it('replays starts and updates in order, maps attempt ids, and both sides end with the same logs', async () => {
    const token = await h.tokenFor(h.learners[0]!);
    const first = (await call(token, 'POST', '/api/logger/contentsession', exercise)).body;
    const wrong = (await call(token, 'PUT', `/api/logger/contentsession/${first.session_id}`, { interactions: [answer('a', 0)], progress: 0.001, time_spent_delta: 3 })).body;
    // The retry names the attempt created offline: sync must send the remote's id for it.
    await call(token, 'PUT', `/api/logger/contentsession/${first.session_id}`, { interactions: [answer('a', 1, { id: wrong.attempts[0].id })] });
    await call(token, 'PUT', `/api/logger/contentsession/${first.session_id}`, { interactions: [{ item: 'b', correct: 0, time_spent: 1, hinted: true, answer: { shown: 1 } }] });
    const resumed = (await call(token, 'POST', '/api/logger/contentsession', exercise)).body;
    expect(resumed.totalattempts).toBe(2);
    await call(token, 'PUT', `/api/logger/contentsession/${resumed.session_id}`, { interactions: [answer('c', 1), answer('d', 1)], progress: 1, time_spent_delta: 9 });
    const repeat = (await call(token, 'POST', '/api/logger/contentsession', { ...exercise, repeat: true })).body;
    await call(token, 'PUT', `/api/logger/contentsession/${repeat.session_id}`, { interactions: [answer('a', 1)], progress: 0.5 });
    const quiz = (await call(token, 'POST', '/api/logger/contentsession', { quiz_id: 'quiz1' })).body;
    const q = (await call(token, 'PUT', `/api/logger/contentsession/${quiz.session_id}`, { interactions: [answer('x', 0, { replace: true })], progress: 0.5 })).body;
    await call(token, 'PUT', `/api/logger/contentsession/${quiz.session_id}`, { interactions: [answer('x', 1, { replace: true, id: q.attempts[0].id })], progress: 1 });
    expect((await call(token, 'PUT', `/api/logger/contentsession/${quiz.session_id}`, { time_spent_delta: 1 })).status).toBe(403);

    const engine = new SyncEngine({ db: h.db, remote: h.remote, now: () => new Date(), random: () => 0.5, concurrency: 4 });
    expect(await engine.drain()).toMatchObject({ state: 'idle', dead: 0, waiting: 0, delivered: 11 });

    const remote = h.server!.inspect;
    expect(byKey(remote.contentSummaries(), summaryView)).toEqual(byKey(await h.db.contentSummaryLogs.toArray(), summaryView));
    expect(byKey(remote.masteryLogs(), tryView)).toEqual(byKey(await h.db.masteryLogs.toArray(), tryView));
    expect(byKey(remote.attemptLogs(), attemptView)).toEqual(byKey(await h.db.attemptLogs.toArray(), attemptView));
    expect(remote.contentSessions()).toHaveLength(4);
    const mapped = await h.db.idMap.get(['attempt_log', wrong.attempts[0].id]);
    expect(remote.attemptLogs().map((a) => a.id)).toContain(mapped?.remote_id);
  });
});
