import { describe, expect, it } from 'vitest';
import { vrSessionSchema } from '../../../shared/schemas/vr-session';
import { ALICE, BOB, CHEM_PKG, FIRE_ACTIVITY, SAFETY_PKG, TENANT, createApiFixture } from '../../support/local-api-fixture';

// The keys of the seed's GET /api/vr-sessions example, in its order.
const SEED_SESSION_KEYS = [
  'id', 'package_id', 'activity_id', 'tenant_id', 'user_id', 'status', 'completion_mode', 'attempts', 'download_started_at',
  'download_completed_at', 'first_launch_at', 'completed_at', 'score', 'success_status', 'time_spent_seconds', 'self_reported',
  'created_at', 'package',
];

describe('POST /api/vr-sessions', () => {
  it('creates a downloading session with attempts 1 and download_started_at, and queues it for the remote', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const res = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG, activity_id: FIRE_ACTIVITY, completion_mode: 'score_entry' } });
    expect(res.status).toBe(201);
    expect(res.body.message).toBe('VR session created');
    expect(res.body.session).toMatchObject({
      package_id: SAFETY_PKG,
      activity_id: FIRE_ACTIVITY,
      tenant_id: TENANT,
      user_id: ALICE,
      status: 'downloading',
      completion_mode: 'score_entry',
      attempts: 1,
      download_started_at: '2026-03-02T09:00:00.000Z',
      package: { id: SAFETY_PKG, title: 'Safety Training VR', version: '1.0.0', target_platforms: ['quest2', 'quest3'] },
    });
    const outbox = await f.db.outbox.toArray();
    expect(outbox).toEqual([
      expect.objectContaining({
        kind: 'vr_session.create',
        entity_id: res.body.session.id,
        method: 'POST',
        path: '/api/vr-sessions',
        body: { package_id: SAFETY_PKG, activity_id: FIRE_ACTIVITY, completion_mode: 'score_entry' },
        status: 'pending',
      }),
    ]);
  });

  it('defaults completion_mode to self_report', async () => {
    const f = await createApiFixture();
    const res = await f.call('POST', '/api/vr-sessions', { token: await f.token(ALICE), body: { package_id: SAFETY_PKG } });
    expect(res.body.session.completion_mode).toBe('self_report');
    expect(res.body.session.activity_id).toBeNull();
  });

  it('answers 400 VALIDATION_ERROR naming every offending field, and stores nothing', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const res = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: 'abc', activity_id: 42, completion_mode: 'guess' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_ERROR');
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['activity_id', 'completion_mode', 'package_id']);
    const missing = await f.call('POST', '/api/vr-sessions', { token, body: {} });
    expect(missing.body.details).toEqual([expect.objectContaining({ path: 'package_id' })]);
    const notJson = await f.call('POST', '/api/vr-sessions', { token, body: '{"package_id":' });
    expect(notJson).toEqual({ status: 400, body: { error: 'Invalid request body: not valid JSON', code: 'VALIDATION_ERROR' } });
    expect(await f.db.vrSessions.count()).toBe(0);
    expect(await f.db.outbox.count()).toBe(0);
  });

  it('answers 404 PACKAGE_NOT_FOUND for a package not in the library', async () => {
    const f = await createApiFixture();
    const res = await f.call('POST', '/api/vr-sessions', { token: await f.token(ALICE), body: { package_id: '99999999-9999-4999-8999-999999999999' } });
    expect(res).toEqual({ status: 404, body: { error: 'VR package not found', code: 'PACKAGE_NOT_FOUND' } });
  });

  it('returns the open session (200) instead of a duplicate, per package and activity', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const first = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    const again = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG, completion_mode: 'score_entry' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ session: first.body.session, message: 'Existing session returned' });
    const linked = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG, activity_id: FIRE_ACTIVITY } });
    expect(linked.status).toBe(201);
    const bobs = await f.call('POST', '/api/vr-sessions', { token: await f.token(BOB), body: { package_id: SAFETY_PKG } });
    expect(bobs.status).toBe(201);
    expect(await f.db.vrSessions.count()).toBe(3);
    expect(await f.db.outbox.count()).toBe(3);
  });

  it('never creates two sessions when requests race', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const results = await Promise.all(Array.from({ length: 8 }, () => f.call('POST', '/api/vr-sessions', { token, body: { package_id: CHEM_PKG } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.session.id)).size).toBe(1);
    expect(await f.db.vrSessions.count()).toBe(1);
    expect(await f.db.outbox.count()).toBe(1);
  });

  it('starts attempt 2 after the first was completed', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const first = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    await f.call('POST', `/api/vr-sessions/${first.body.session.id}/complete`, { token, body: {} });
    const second = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    expect(second.status).toBe(201);
    expect(second.body.session.attempts).toBe(2);
    expect(second.body.session.id).not.toBe(first.body.session.id);
    // The remote would hand back the first session if the new create arrived before that completion.
    const ops = await f.db.outbox.orderBy('seq').toArray();
    const firstComplete = ops.find((op) => op.kind === 'vr_session.complete');
    expect(ops.at(-1)).toMatchObject({ kind: 'vr_session.create', entity_id: second.body.session.id, depends_on: [firstComplete?.id] });
  });
});

describe('GET /api/vr-sessions', () => {
  it("lists only the caller's sessions, newest first, each with every field of the seed's example", async () => {
    const f = await createApiFixture();
    const alice = await f.token(ALICE);
    await f.call('POST', '/api/vr-sessions', { token: alice, body: { package_id: SAFETY_PKG } });
    f.clock.now = new Date('2026-03-02T10:00:00.000Z');
    await f.call('POST', '/api/vr-sessions', { token: alice, body: { package_id: CHEM_PKG, activity_id: FIRE_ACTIVITY } });
    await f.call('POST', '/api/vr-sessions', { token: await f.token(BOB), body: { package_id: SAFETY_PKG } });

    const res = await f.call('GET', '/api/vr-sessions', { token: alice });
    expect(res.status).toBe(200);
    expect(res.body.sessions.map((s: { package_id: string }) => s.package_id)).toEqual([CHEM_PKG, SAFETY_PKG]);
    for (const session of res.body.sessions) {
      expect(Object.keys(session)).toEqual(SEED_SESSION_KEYS);
      expect(vrSessionSchema.safeParse(session).success).toBe(true);
      expect(session.user_id).toBe(ALICE);
    }
    expect(res.body.sessions[1]).toMatchObject({ first_launch_at: null, completed_at: null, score: null, success_status: null, time_spent_seconds: 0, self_reported: false });
  });

  it('filters by package_id and by activity_id', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG, activity_id: FIRE_ACTIVITY } });
    await f.call('POST', '/api/vr-sessions', { token, body: { package_id: CHEM_PKG } });
    const byPackage = await f.call('GET', `/api/vr-sessions?package_id=${SAFETY_PKG}`, { token });
    expect(byPackage.body.sessions).toHaveLength(2);
    const byActivity = await f.call('GET', `/api/vr-sessions?activity_id=${FIRE_ACTIVITY}`, { token });
    expect(byActivity.body.sessions.map((s: { activity_id: string }) => s.activity_id)).toEqual([FIRE_ACTIVITY]);
    const both = await f.call('GET', `/api/vr-sessions?package_id=${CHEM_PKG}&activity_id=${FIRE_ACTIVITY}`, { token });
    expect(both.body.sessions).toEqual([]);
  });

  it('refuses a malformed filter', async () => {
    const f = await createApiFixture();
    const res = await f.call('GET', '/api/vr-sessions?package_id=abc123', { token: await f.token(ALICE) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_ERROR', details: [expect.objectContaining({ path: 'package_id' })] });
  });
});
