import { describe, expect, it } from 'vitest';
import { ALICE, createApiFixture } from '../../support/local-api-fixture';
import { SESSION_TTL_MS } from '../../../renderer/src/auth/kiosk-auth';

describe('local API authentication', () => {
  it('answers 401 UNAUTHORIZED without a token or with an unknown one', async () => {
    const f = await createApiFixture();
    for (const token of [undefined, 'not-a-real-token']) {
      const res = await f.call('GET', '/api/vr-sessions', token ? { token } : {});
      expect(res).toEqual({ status: 401, body: { error: 'Authentication required', code: 'UNAUTHORIZED' } });
    }
  });

  it('accepts the session cookie as well as the Bearer header', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const res = await f.call('GET', '/api/vr-sessions', { headers: { cookie: `theme=dark; outpost_session=${token}` } });
    expect(res).toEqual({ status: 200, body: { sessions: [] } });
  });

  it('expires a sign-in after a school day and after sign-out', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    f.clock.now = new Date(f.clock.now.getTime() + SESSION_TTL_MS + 1);
    expect((await f.call('GET', '/api/vr-sessions', { token })).status).toBe(401);
  });

  it('answers 404 PROFILE_NOT_FOUND when the learner has left the roster', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    await f.db.learners.delete(ALICE);
    expect(await f.call('GET', '/api/vr-sessions', { token })).toEqual({ status: 404, body: { error: 'User profile not found', code: 'PROFILE_NOT_FOUND' } });
    // The list is read beside the roster check; the refusal still comes before the query's own (a bad limit) and any rows.
    expect(await f.call('GET', '/api/vr-sessions?limit=abc', { token })).toEqual({ status: 404, body: { error: 'User profile not found', code: 'PROFILE_NOT_FOUND' } });
    expect(await f.call('GET', '/api/vr-sessions?limit=5', { token })).toEqual({ status: 404, body: { error: 'User profile not found', code: 'PROFILE_NOT_FOUND' } });
    expect((await f.call('GET', '/api/vr-sessions?limit=abc', { token: 'not-a-token' })).status).toBe(401);
  });

  it('never stores the token itself', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const stored = JSON.stringify(await f.db.authSessions.toArray());
    expect(stored).not.toContain(token);
  });
});
