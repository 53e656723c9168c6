import { describe, expect, it } from 'vitest';
import { ALICE, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import type { ApiFixture } from '../../support/local-api-fixture';

async function started(f: ApiFixture) {
  const token = await f.token(ALICE);
  const res = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
  return { token, id: res.body.session.id as string };
}

/** Input problems answer 400 VALIDATION_ERROR naming the field, store nothing, and never break the list. */
async function expectRefused(f: ApiFixture, token: string, id: string, body: unknown, field: string) {
  const res = await f.call('POST', `/api/vr-sessions/${id}/complete`, { token, body });
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ code: 'VALIDATION_ERROR', error: 'Invalid request body', details: [expect.objectContaining({ path: field })] });
  expect(await f.db.vrSessions.get(id)).toMatchObject({ status: 'downloading', time_spent_seconds: 0 });
  expect(await f.db.outbox.count()).toBe(1);
  const list = await f.call('GET', '/api/vr-sessions', { token });
  expect(list.status).toBe(200);
}

describe('POST /api/vr-sessions/:id/complete: input bounds', () => {
  it('accepts exactly a day of time spent', async () => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    const res = await f.call('POST', `/api/vr-sessions/${id}/complete`, { token, body: { time_spent_minutes: 1440 } });
    expect(res.status).toBe(200);
    expect(res.body.session.time_spent_seconds).toBe(86_400);
  });

  it('refuses more than a day, and a hostile huge number, as 400 rather than a stored value or a 500', async () => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    await expectRefused(f, token, id, { time_spent_minutes: 1441 }, 'time_spent_minutes');
    await expectRefused(f, token, id, { time_spent_minutes: 1e308 }, 'time_spent_minutes');
    await expectRefused(f, token, id, { time_spent_minutes: Number.MAX_SAFE_INTEGER }, 'time_spent_minutes');
  });

  it('refuses numbers JSON overflows to Infinity (1e400) as 400', async () => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    await expectRefused(f, token, id, '{"time_spent_minutes": 1e400}', 'time_spent_minutes');
    await expectRefused(f, token, id, '{"score": -1e400}', 'score');
    await expectRefused(f, token, id, '{"score": 1e400}', 'score');
  });

  it('refuses a score outside 0..100', async () => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    await expectRefused(f, token, id, { score: 100.01 }, 'score');
    await expectRefused(f, token, id, { score: -0.01 }, 'score');
  });

  it('counts notes in characters: 1000 emoji are accepted, 1001 refused', async () => {
    const f = await createApiFixture();
    const { token, id } = await started(f);
    await expectRefused(f, token, id, { notes: '🎉'.repeat(1001) }, 'notes');
    const res = await f.call('POST', `/api/vr-sessions/${id}/complete`, { token, body: { notes: '🎉'.repeat(1000) } });
    expect(res.status).toBe(200);
    expect((await f.db.vrSessions.get(id))?.notes).toBe('🎉'.repeat(1000));
  });
});
