import { describe, expect, it } from 'vitest';
import { SEED_ALICE, SEED_LESSON, SEED_SAFETY_PKG, SEED_SCORM_PKG } from './catalog-seed';
import { createFaults } from './fault-controller';
import { until } from '../support/scripted-remote';
import { fetchFailure } from './test-client';
import { useTestServer } from './use-test-server';

const t = useTestServer();

const SOCKET_ERRORS = ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'];
const createPlay = () => t.call('POST', '/api/lesson-plays', { token: t.token, body: { lessonId: SEED_LESSON } });
const listSessions = () => t.call('GET', '/api/vr-sessions', { token: t.token });

describe('failNext / failRate', () => {
  it('fails the next N matching requests with the chosen status, without applying them', async () => {
    t.server.faults.failNext(2, { path: '/api/lesson-plays', status: 502 });
    expect((await listSessions()).status).toBe(200);
    const failed = await createPlay();
    expect(failed).toMatchObject({ status: 502, text: 'Bad Gateway' });
    expect((await createPlay()).status).toBe(502);
    expect((await createPlay()).status).toBe(200);
    expect(t.server.effects().lessonPlays).toBe(1);
    expect(t.server.faults.injected.failed).toBe(2);
  });

  it('matches by route pattern, method or RegExp, and defaults to 503', async () => {
    t.server.faults.failNext(1, { path: '/api/vr-sessions/:sessionId/complete' });
    t.server.faults.failNext(1, { method: 'GET', path: /^\/api\/vr-/, status: 500, body: '{"error":"Database error","code":"DB_ERROR"}' });
    expect(await listSessions()).toMatchObject({ status: 500, body: { code: 'DB_ERROR' } });
    const created = await t.call('POST', '/api/vr-sessions', { token: t.token, body: { package_id: SEED_SAFETY_PKG } });
    expect(created.status).toBe(201);
    expect((await t.call('POST', `/api/vr-sessions/${created.body.session.id}/complete`, { token: t.token })).status).toBe(503);
  });

  it('fails at a rate drawn from a seeded PRNG: the same seed fails the same requests', async () => {
    const pattern = async (seed: number) => {
      t.server.faults.clear();
      t.server.faults.failRate(0.5, { seed, path: '/api/vr-sessions' });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await listSessions()).status);
      return statuses;
    };
    const a = await pattern(42);
    expect(await pattern(42)).toEqual(a);
    expect(a).toContain(503);
    expect(a).toContain(200);
    expect(await pattern(7)).not.toEqual(a);
  });

  it('stops failing after maxFailures', async () => {
    t.server.faults.failRate(1, { maxFailures: 2 });
    const statuses = [await listSessions(), await listSessions(), await listSessions()].map((r) => r.status);
    expect(statuses).toEqual([503, 503, 200]);
  });
});

describe('hangNext', () => {
  it('never answers: the client times out, and the next request is served', async () => {
    t.server.faults.hangNext(1, { path: '/api/vr-sessions' });
    const hung = await fetchFailure(t.call('GET', '/api/vr-sessions', { token: t.token, signal: AbortSignal.timeout(150) }));
    expect(hung.name).toBe('TimeoutError');
    expect((await listSessions()).status).toBe(200);
    expect(t.server.faults.injected.hung).toBe(1);
  });

  it('cuts the connection after maxHangMs if the client waits longer', async () => {
    t.server.faults.hangNext(1, { maxHangMs: 100 });
    const cut = await fetchFailure(listSessions());
    expect(cut.message).toBe('fetch failed');
    expect(SOCKET_ERRORS).toContain(cut.cause);
  });

  it('is released by stop(), so stopping never waits for a hung request', async () => {
    t.server.faults.hangNext(1);
    const pending = fetchFailure(listSessions());
    await until(() => t.server.faults.injected.hung === 1);
    const started = Date.now();
    await t.server.restart();
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await pending).message).toBe('fetch failed');
  });
});

describe('connection resets', () => {
  it('resetBeforeWrite: the client sees a socket error and nothing was written', async () => {
    t.server.faults.resetBeforeWrite(1);
    const failure = await fetchFailure(createPlay());
    expect(failure).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect(SOCKET_ERRORS).toContain(failure.cause);
    expect(t.server.effects().lessonPlays).toBe(0);
    expect((await createPlay()).status).toBe(200);
  });

  it('resetAfterWrite: the client sees a socket error but the write was committed', async () => {
    t.server.faults.resetAfterWrite(1, { path: '/api/vr-sessions' });
    const failure = await fetchFailure(t.call('POST', '/api/vr-sessions', { token: t.token, body: { package_id: SEED_SAFETY_PKG } }));
    expect(SOCKET_ERRORS).toContain(failure.cause);
    expect(t.server.inspect.vrSessionCounts(SEED_ALICE, SEED_SAFETY_PKG)).toEqual({ created: 1, completed: 0 });
    // Without an idempotency key the retry finds the open session: the seed's own dedupe for this endpoint.
    expect((await t.call('POST', '/api/vr-sessions', { token: t.token, body: { package_id: SEED_SAFETY_PKG } })).status).toBe(200);
  });

  it('resets only writes: reads pass untouched', async () => {
    t.server.faults.resetBeforeWrite(1);
    t.server.faults.resetAfterWrite(1);
    expect((await listSessions()).status).toBe(200);
    expect(t.server.faults.injected).toMatchObject({ resetBeforeWrite: 0, resetAfterWrite: 0 });
  });
});

describe('slow, expireAllTokens, scormConflictNext, counters', () => {
  it('delays matching responses by at least the given time, for the given count', async () => {
    t.server.faults.slow(120, { count: 1, path: '/api/vr-sessions' });
    let started = Date.now();
    await listSessions();
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    started = Date.now();
    await listSessions();
    expect(Date.now() - started).toBeLessThan(110);
  });

  it('expires every token: 401 from then on, until the test issues a new one', async () => {
    t.server.faults.expireAllTokens();
    expect(await listSessions()).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect((await t.call('GET', '/api/lesson-plays/x', { token: t.token })).body).toEqual({ error: 'Unauthorized' });
    t.token = t.server.tokens.issue(SEED_ALICE);
    expect((await listSessions()).status).toBe(200);
  });

  it('makes the next SCORM PUT conflict as if another device had written, merging its cmi fields', async () => {
    const apiKey = t.token;
    await t.call('POST', `/api/v1/packages/${SEED_SCORM_PKG}/launch`, { apiKey, body: { user_id: SEED_ALICE, session_id: 's1' } });
    await t.call('PUT', '/api/v1/sessions/s1', { apiKey, body: { version: 1, cmi_data: { 'cmi.core.score.raw': '40' } } });
    t.server.faults.scormConflictNext({ sessionId: 's1', cmi: { 'cmi.core.lesson_location': 'p7' } });
    const conflict = await t.call('PUT', '/api/v1/sessions/s1', { apiKey, body: { version: 2, cmi_data: { 'cmi.core.score.raw': '90' } } });
    expect(conflict).toMatchObject({
      status: 409,
      body: { code: 'VERSION_CONFLICT', session: { version: 3, cmi_data: { 'cmi.core.score.raw': '40', 'cmi.core.lesson_location': 'p7' } } },
    });
    const merged = { ...conflict.body.session.cmi_data, 'cmi.core.score.raw': '90' };
    const retry = await t.call('PUT', '/api/v1/sessions/s1', { apiKey, body: { version: 3, cmi_data: merged } });
    expect(retry).toMatchObject({ status: 200, body: { version: 4, cmi_data: merged } });
    expect(t.server.faults.injected.scormConflicts).toBe(1);
  });

  it('counts requests per route, faulted ones included, and unmatched ones apart', async () => {
    t.server.faults.failNext(1);
    await listSessions();
    await listSessions();
    await t.call('GET', '/api/nowhere');
    expect(t.server.requests.count('GET /api/vr-sessions')).toBe(2);
    expect(t.server.requests.all()).toEqual({ 'GET /api/vr-sessions': 2, 'GET (unmatched)': 1 });
    t.server.requests.reset();
    expect(t.server.requests.all()).toEqual({});
  });

  it('refuses nonsense settings', () => {
    const faults = createFaults(() => undefined);
    expect(() => faults.failNext(-1)).toThrow(RangeError);
    expect(() => faults.failRate(1.5)).toThrow(RangeError);
    expect(() => faults.slow(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => faults.repeatedCompletionConflictNext(1, { code: '' })).toThrow(RangeError);
    expect(() => faults.repeatedCompletionConflictNext(0.5)).toThrow(RangeError);
  });
});

describe('repeatedCompletionConflictNext, a wrong-shaped 2xx', () => {
  async function completedOnce() {
    const created = await t.call('POST', '/api/vr-sessions', { token: t.token, body: { package_id: SEED_SAFETY_PKG } });
    const complete = () => t.call('POST', `/api/vr-sessions/${created.body.session.id}/complete`, { token: t.token, body: { score: 80 } });
    return { complete };
  }

  it('answers a repeated completion 409 with the seed code, and leaves the first completion alone', async () => {
    const { complete } = await completedOnce();
    t.server.faults.repeatedCompletionConflictNext(1);
    expect((await complete()).status).toBe(200);
    expect(t.server.faults.injected.repeatedCompletionConflicts).toBe(0);
    expect(await complete()).toMatchObject({ status: 409, body: { code: 'ALREADY_COMPLETED' } });
    expect(t.server.faults.injected.repeatedCompletionConflicts).toBe(1);
    // Used up: the seed's own answer again.
    expect(await complete()).toMatchObject({ status: 400, body: { code: 'ALREADY_COMPLETED' } });
  });

  it('answers 409 without a code, or with a code the kiosk does not know', async () => {
    const { complete } = await completedOnce();
    await complete();
    t.server.faults.repeatedCompletionConflictNext(1, { code: null });
    const bare = await complete();
    expect(bare.status).toBe(409);
    expect(bare.body).toEqual({ error: 'Conflict' });
    t.server.faults.repeatedCompletionConflictNext(1, { code: 'DUPLICATE' });
    expect(await complete()).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });
    t.server.faults.clear();
    expect((await complete()).status).toBe(400);
  });

  it('a wrong-shaped 2xx answers in its own words and applies nothing', async () => {
    t.server.faults.answerNext(1, { kind: 'json', status: 201, body: { ok: true } }, { path: '/api/vr-sessions', method: 'POST' });
    const answer = await t.call('POST', '/api/vr-sessions', { token: t.token, body: { package_id: SEED_SAFETY_PKG } });
    expect(answer).toMatchObject({ status: 201, body: { ok: true } });
    expect(t.server.faults.injected.canned).toBe(1);
    expect((await listSessions()).body.sessions).toHaveLength(0);
  });
});
