import { describe, expect, it } from 'vitest';
import { vrApiErrorSchema } from '../../shared/schemas/api-error';
import { createVrSessionResponseSchema, listVrSessionsResponseSchema } from '../../shared/schemas/vr-session';
import { completeVrSessionResponseSchema } from '../../shared/schemas/vr-session-complete';
import { SEED_ALICE, SEED_BOB, SEED_CHEM_PKG, SEED_FIRE_ACTIVITY, SEED_SAFETY_PKG, SEED_TENANT } from './catalog-seed';
import { useTestServer } from './use-test-server';

// The keys of the seed's GET /api/vr-sessions example, in its order.
const SEED_SESSION_KEYS = [
  'id', 'package_id', 'activity_id', 'tenant_id', 'user_id', 'status', 'completion_mode', 'attempts', 'download_started_at',
  'download_completed_at', 'first_launch_at', 'completed_at', 'score', 'success_status', 'time_spent_seconds', 'self_reported',
  'created_at', 'package',
];
const UNKNOWN = '99999999-9999-4999-8999-999999999999';

const t = useTestServer({ startAt: '2026-03-02T09:00:00.000Z', tokenTtlSeconds: 86_400 });

async function create(body: unknown, token = t.token) {
  return t.call('POST', '/api/vr-sessions', { token, body });
}

describe('POST /api/vr-sessions', () => {
  it('creates a downloading session with a server-assigned id (201)', async () => {
    const res = await create({ package_id: SEED_SAFETY_PKG, activity_id: SEED_FIRE_ACTIVITY, completion_mode: 'score_entry' });
    expect(res.status).toBe(201);
    expect(createVrSessionResponseSchema.parse(res.body).message).toBe('VR session created');
    expect(res.body.session).toMatchObject({
      package_id: SEED_SAFETY_PKG,
      activity_id: SEED_FIRE_ACTIVITY,
      tenant_id: SEED_TENANT,
      user_id: SEED_ALICE,
      status: 'downloading',
      completion_mode: 'score_entry',
      attempts: 1,
      download_started_at: '2026-03-02T09:00:00.000Z',
      package: { id: SEED_SAFETY_PKG, title: 'Safety Training VR', version: '1.0.0', target_platforms: ['quest2', 'quest3'] },
    });
    expect(Object.keys(res.body.session)).toEqual(SEED_SESSION_KEYS);
  });

  it('defaults completion_mode to self_report and activity_id to null', async () => {
    const res = await create({ package_id: SEED_SAFETY_PKG });
    expect(res.body.session).toMatchObject({ completion_mode: 'self_report', activity_id: null });
  });

  it('answers 400 VALIDATION_ERROR naming every offending field, and for a body that is not JSON', async () => {
    const res = await create({ package_id: 'abc', activity_id: 42, completion_mode: 'guess' });
    expect(res.status).toBe(400);
    expect(vrApiErrorSchema.parse(res.body).code).toBe('VALIDATION_ERROR');
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['activity_id', 'completion_mode', 'package_id']);
    expect(await create('{"package_id":')).toMatchObject({ status: 400, body: { error: 'Invalid request body: not valid JSON', code: 'VALIDATION_ERROR' } });
    expect(t.server.effects().vrSessions.created).toBe(0);
  });

  it('answers 404 PACKAGE_NOT_FOUND for a package not in the catalog', async () => {
    expect(await create({ package_id: UNKNOWN })).toMatchObject({ status: 404, body: { error: 'VR package not found', code: 'PACKAGE_NOT_FOUND' } });
  });

  it('returns the open session (200) instead of a second one, per user, package and activity', async () => {
    const first = await create({ package_id: SEED_SAFETY_PKG });
    const again = await create({ package_id: SEED_SAFETY_PKG, completion_mode: 'score_entry' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ session: first.body.session, message: 'Existing session returned' });
    expect((await create({ package_id: SEED_SAFETY_PKG, activity_id: SEED_FIRE_ACTIVITY })).status).toBe(201);
    expect((await create({ package_id: SEED_SAFETY_PKG }, t.server.tokens.issue(SEED_BOB))).status).toBe(201);
    expect(t.server.effects().vrSessions.created).toBe(3);
  });

  it('never creates two sessions when requests race', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => create({ package_id: SEED_CHEM_PKG })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.session.id)).size).toBe(1);
    expect(t.server.inspect.vrSessionCounts(SEED_ALICE, SEED_CHEM_PKG)).toEqual({ created: 1, completed: 0 });
  });

  it('starts attempt 2 after the first was completed', async () => {
    const first = await create({ package_id: SEED_SAFETY_PKG });
    await t.call('POST', `/api/vr-sessions/${first.body.session.id}/complete`, { token: t.token, body: {} });
    const second = await create({ package_id: SEED_SAFETY_PKG });
    expect(second.status).toBe(201);
    expect(second.body.session).toMatchObject({ attempts: 2 });
    expect(second.body.session.id).not.toBe(first.body.session.id);
  });
});

describe('GET /api/vr-sessions', () => {
  it("lists only the caller's sessions, newest first, each with every field of the seed's example", async () => {
    await create({ package_id: SEED_SAFETY_PKG });
    t.clock.now = new Date('2026-03-02T10:00:00.000Z');
    await create({ package_id: SEED_CHEM_PKG, activity_id: SEED_FIRE_ACTIVITY });
    await create({ package_id: SEED_SAFETY_PKG }, t.server.tokens.issue(SEED_BOB));
    const res = await t.call('GET', '/api/vr-sessions', { token: t.token });
    expect(res.status).toBe(200);
    const { sessions } = listVrSessionsResponseSchema.parse(res.body);
    expect(sessions.map((s) => s.package_id)).toEqual([SEED_CHEM_PKG, SEED_SAFETY_PKG]);
    for (const session of res.body.sessions) expect(Object.keys(session)).toEqual(SEED_SESSION_KEYS);
    expect(sessions.every((s) => s.user_id === SEED_ALICE)).toBe(true);
  });

  it('filters by package_id and activity_id, and refuses a malformed filter', async () => {
    await create({ package_id: SEED_SAFETY_PKG });
    await create({ package_id: SEED_SAFETY_PKG, activity_id: SEED_FIRE_ACTIVITY });
    await create({ package_id: SEED_CHEM_PKG });
    expect((await t.call('GET', `/api/vr-sessions?package_id=${SEED_SAFETY_PKG}`, { token: t.token })).body.sessions).toHaveLength(2);
    const byActivity = await t.call('GET', `/api/vr-sessions?activity_id=${SEED_FIRE_ACTIVITY}`, { token: t.token });
    expect(byActivity.body.sessions.map((s: { activity_id: string }) => s.activity_id)).toEqual([SEED_FIRE_ACTIVITY]);
    expect((await t.call('GET', `/api/vr-sessions?package_id=${SEED_CHEM_PKG}&activity_id=${SEED_FIRE_ACTIVITY}`, { token: t.token })).body).toEqual({ sessions: [] });
    const bad = await t.call('GET', '/api/vr-sessions?package_id=abc123', { token: t.token });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR', details: [expect.objectContaining({ path: 'package_id' })] } });
  });
});

describe('POST /api/vr-sessions/:id/complete', () => {
  async function started() {
    return (await create({ package_id: SEED_SAFETY_PKG, activity_id: SEED_FIRE_ACTIVITY })).body.session.id as string;
  }

  it('completes with a score: raw, max 100, scaled, passed, time in seconds, self-reported', async () => {
    const id = await started();
    t.clock.now = new Date('2026-03-02T09:45:00.000Z');
    const res = await t.call('POST', `/api/vr-sessions/${id}/complete`, { token: t.token, body: { score: 85, time_spent_minutes: 30, notes: 'All scenarios' } });
    expect(res.status).toBe(200);
    expect(completeVrSessionResponseSchema.parse(res.body).message).toBe('VR experience completed successfully');
    expect(res.body.session).toMatchObject({
      id,
      status: 'completed',
      completed_at: '2026-03-02T09:45:00.000Z',
      score: { raw: 85, max: 100, scaled: 0.85 },
      success_status: 'passed',
      time_spent_seconds: 1800,
      self_reported: true,
    });
    expect(t.server.inspect.vrSessions()[0]?.notes).toBe('All scenarios');
  });

  it.each([
    [70, 'passed'],
    [69.5, 'failed'],
  ] as const)('score %s is %s', async (score, expected) => {
    const id = await started();
    const res = await t.call('POST', `/api/vr-sessions/${id}/complete`, { token: t.token, body: { score } });
    expect(res.body.session.success_status).toBe(expected);
  });

  it('completes without a body: score and success_status stay null', async () => {
    const id = await started();
    const res = await t.call('POST', `/api/vr-sessions/${id}/complete`, { token: t.token });
    expect(res.body.session).toMatchObject({ status: 'completed', score: null, success_status: null, self_reported: true });
  });

  it('updates the linked activity progress in the same write', async () => {
    const id = await started();
    await t.call('POST', `/api/vr-sessions/${id}/complete`, { token: t.token, body: { score: 92, time_spent_minutes: 45 } });
    expect(t.server.inspect.activityProgress()).toEqual([
      expect.objectContaining({ activity_id: SEED_FIRE_ACTIVITY, user_id: SEED_ALICE, status: 'completed', score: 92, time_spent_seconds: 2700 }),
    ]);
  });

  it('refuses bad bodies with VALIDATION_ERROR and leaves the session open', async () => {
    const id = await started();
    for (const body of [{ score: 101 }, { score: -1 }, { notes: 'x'.repeat(1001) }, { time_spent_minutes: -5 }, { score: '85' }]) {
      const res = await t.call('POST', `/api/vr-sessions/${id}/complete`, { token: t.token, body });
      expect(res.body.code, JSON.stringify(body).slice(0, 30)).toBe('VALIDATION_ERROR');
    }
    expect(t.server.effects().vrSessions.completed).toBe(0);
  });

  it('answers 400 ALREADY_COMPLETED the second time and keeps the first score', async () => {
    const id = await started();
    await t.call('POST', `/api/vr-sessions/${id}/complete`, { token: t.token, body: { score: 90 } });
    const again = await t.call('POST', `/api/vr-sessions/${id}/complete`, { token: t.token, body: { score: 10 } });
    expect(again).toMatchObject({ status: 400, body: { error: 'Session is already completed', code: 'ALREADY_COMPLETED' } });
    expect(t.server.inspect.vrSessions()[0]?.score?.raw).toBe(90);
  });

  it("answers 404 SESSION_NOT_FOUND for another learner's session and for unknown ids", async () => {
    const id = await started();
    const bob = t.server.tokens.issue(SEED_BOB);
    const notFound = { status: 404, body: { error: 'VR session not found', code: 'SESSION_NOT_FOUND' } };
    expect(await t.call('POST', `/api/vr-sessions/${id}/complete`, { token: bob, body: {} })).toMatchObject(notFound);
    expect(await t.call('POST', `/api/vr-sessions/${UNKNOWN}/complete`, { token: bob, body: {} })).toMatchObject(notFound);
  });
});

describe('VR authentication', () => {
  it('answers 401 UNAUTHORIZED without a token, with an unknown one, and with an expired one', async () => {
    const unauthorized = { status: 401, body: { error: 'Authentication required', code: 'UNAUTHORIZED' } };
    expect(await t.call('GET', '/api/vr-sessions')).toMatchObject(unauthorized);
    expect(await t.call('GET', '/api/vr-sessions', { token: 'made-up' })).toMatchObject(unauthorized);
    const shortLived = t.server.tokens.issue(SEED_ALICE, { ttlSeconds: 60 });
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    expect(await t.call('POST', '/api/vr-sessions', { token: shortLived, body: { package_id: SEED_SAFETY_PKG } })).toMatchObject(unauthorized);
  });

  it('answers 404 PROFILE_NOT_FOUND for a token whose user is not on the roster', async () => {
    const stranger = t.server.tokens.issue(UNKNOWN);
    expect(await t.call('GET', '/api/vr-sessions', { token: stranger })).toMatchObject({ status: 404, body: { error: 'User profile not found', code: 'PROFILE_NOT_FOUND' } });
  });
});


describe('a kiosk syncing for its class', () => {
  it('acts for the learner named in X-Outpost-User with a device token, and only with one', async () => {
    const device = t.server.tokens.issue('kiosk-7', { admin: true, ttlSeconds: 86_400 });
    const res = await t.call('POST', '/api/vr-sessions', { token: device, body: { package_id: SEED_SAFETY_PKG }, headers: { 'x-outpost-user': SEED_BOB } });
    expect(res.status).toBe(201);
    expect(res.body.session.user_id).toBe(SEED_BOB);
    const asAlice = await t.call('POST', '/api/vr-sessions', { token: t.token, body: { package_id: SEED_SAFETY_PKG }, headers: { 'x-outpost-user': SEED_BOB } });
    expect(asAlice.body.session.user_id).toBe(SEED_ALICE);
    const stranger = await t.call('POST', '/api/vr-sessions', { token: device, body: { package_id: SEED_SAFETY_PKG }, headers: { 'x-outpost-user': UNKNOWN } });
    expect(stranger).toMatchObject({ status: 404, body: { code: 'PROFILE_NOT_FOUND' } });
  });
});
