import { describe, expect, it } from 'vitest';
import { validateStatement } from '../../../shared/xapi/validate-statement';
import { ALICE, BOB, FIRE_ACTIVITY, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import type { ApiFixture } from '../../support/local-api-fixture';

async function started(f: ApiFixture, body: Record<string, unknown> = { package_id: SAFETY_PKG, activity_id: FIRE_ACTIVITY }) {
  const token = await f.token(ALICE);
  const res = await f.call('POST', '/api/vr-sessions', { token, body });
  return { token, id: res.body.session.id as string };
}

describe('POST /api/vr-sessions/:id/complete', () => {
  it('completes with a score: raw, max 100, scaled, passed, time in seconds, self-reported', async () => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    f.clock.now = new Date('2026-03-02T09:45:00.000Z');
    const res = await f.call('POST', `/api/vr-sessions/${id}/complete`, { token, body: { score: 85, time_spent_minutes: 30, notes: 'Completed all safety scenarios' } });
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('VR experience completed successfully');
    expect(res.body.session).toMatchObject({
      id,
      status: 'completed',
      completed_at: '2026-03-02T09:45:00.000Z',
      score: { raw: 85, max: 100, scaled: 0.85 },
      success_status: 'passed',
      time_spent_seconds: 1800,
      self_reported: true,
      package: { id: SAFETY_PKG, title: 'Safety Training VR' },
    });
    expect((await f.db.vrSessions.get(id))?.notes).toBe('Completed all safety scenarios');
  });

  it.each([
    [70, 'passed'],
    [69.5, 'failed'],
    [0, 'failed'],
    [100, 'passed'],
  ])('score %s is %s', async (score, expected) => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    const res = await f.call('POST', `/api/vr-sessions/${id}/complete`, { token, body: { score } });
    expect(res.body.session.success_status).toBe(expected);
    expect(res.body.session.score.scaled).toBeCloseTo(score / 100);
  });

  it('completes without a score: score and success_status stay null', async () => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    const res = await f.call('POST', `/api/vr-sessions/${id}/complete`, { token });
    expect(res.status).toBe(200);
    expect(res.body.session).toMatchObject({ status: 'completed', score: null, success_status: null, self_reported: true });
  });

  it('refuses bad bodies with VALIDATION_ERROR and leaves the session open', async () => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    for (const body of [{ score: 101 }, { score: -1 }, { notes: 'x'.repeat(1001) }, { time_spent_minutes: -5 }, { score: '85' }]) {
      const res = await f.call('POST', `/api/vr-sessions/${id}/complete`, { token, body });
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_ERROR');
    }
    expect((await f.db.vrSessions.get(id))?.status).toBe('downloading');
    expect(await f.db.outbox.count()).toBe(1);
  });

  it('answers 400 ALREADY_COMPLETED the second time', async () => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    await f.call('POST', `/api/vr-sessions/${id}/complete`, { token, body: { score: 90 } });
    const again = await f.call('POST', `/api/vr-sessions/${id}/complete`, { token, body: { score: 10 } });
    expect(again).toEqual({ status: 400, body: { error: 'Session is already completed', code: 'ALREADY_COMPLETED' } });
    expect((await f.db.vrSessions.get(id))?.score?.raw).toBe(90);
  });

  it("answers 404 SESSION_NOT_FOUND for another learner's session and for unknown ids", async () => {
    const f = await createApiFixture();
    const { id } = await started(f);
    const bob = await f.token(BOB);
    const notFound = { status: 404, body: { error: 'VR session not found', code: 'SESSION_NOT_FOUND' } };
    expect(await f.call('POST', `/api/vr-sessions/${id}/complete`, { token: bob, body: {} })).toEqual(notFound);
    expect(await f.call('POST', '/api/vr-sessions/5e55e55e-0000-4000-8000-000000000000/complete', { token: bob, body: {} })).toEqual(notFound);
    expect((await f.db.vrSessions.get(id))?.status).toBe('downloading');
  });

  it('updates the linked activity progress in the same write', async () => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    f.clock.now = new Date('2026-03-02T09:30:00.000Z');
    await f.call('POST', `/api/vr-sessions/${id}/complete`, { token, body: { score: 92, time_spent_minutes: 45 } });
    expect(await f.db.activityProgress.toArray()).toEqual([
      expect.objectContaining({ activity_id: FIRE_ACTIVITY, user_id: ALICE, status: 'completed', score: 92, completed_at: '2026-03-02T09:30:00.000Z', time_spent_seconds: 2700 }),
    ]);
  });

  it('queues the complete request after its create, and a valid xAPI statement', async () => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    await f.call('POST', `/api/vr-sessions/${id}/complete`, { token, body: { score: 85, time_spent_minutes: 30 } });
    const [create, complete, xapi] = await f.db.outbox.orderBy('seq').toArray();
    expect(complete).toMatchObject({ kind: 'vr_session.complete', path: `/api/vr-sessions/local:vr_session:${id}/complete`, body: { score: 85, time_spent_minutes: 30 }, depends_on: [create?.id] });
    expect(xapi).toMatchObject({ kind: 'xapi.statement', method: 'PUT', depends_on: [complete?.id] });
    const statement = xapi?.body as { id: string; verb: { id: string }; object: { definition: { type: string } }; result: unknown; context: unknown };
    expect(validateStatement(statement)).toEqual({ valid: true });
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(statement.object.definition.type).toBe('http://activitystrea.ms/schema/1.0/application');
    expect(statement.result).toEqual({ completion: true, success: true, score: { scaled: 0.85, raw: 85, min: 0, max: 100 }, duration: 'PT30M' });
    // The session is named by a local reference sync rewrites to the remote's id; never the kiosk's id as registration.
    expect(statement.context).toMatchObject({ extensions: { 'https://outpost.invalid/xapi/extensions/vr-session-id': `local:vr_session:${id}` } });
    expect(statement.context).not.toHaveProperty('registration');
    expect(xapi?.path).toBe(`/api/xapi/statements?statementId=${statement.id}`);
    expect(new Set([create?.idempotency_key, complete?.idempotency_key, xapi?.idempotency_key]).size).toBe(3);
  });

  it('writes nothing at all when any part of the completion fails', async () => {
    let calls = 0;
    const f = await createApiFixture({
      newId: () => {
        calls += 1;
        // Ids 1-3 go to the session and its create op; the 5th fails after the completion already wrote the
        // session and the activity progress inside its transaction.
        if (calls > 4) throw new Error('id source exhausted');
        return crypto.randomUUID();
      },
    });
    const { token, id } = await started(f);
    const res = await f.call('POST', `/api/vr-sessions/${id}/complete`, { token, body: { score: 80 } });
    expect(res).toEqual({ status: 500, body: { error: 'Database error', code: 'DB_ERROR' } });
    expect((await f.db.vrSessions.get(id))?.status).toBe('downloading');
    expect(await f.db.activityProgress.count()).toBe(0);
    expect(await f.db.outbox.count()).toBe(1);
  });
});
