import { beforeEach, describe, expect, it } from 'vitest';
import { scormLaunchResponseSchema, scormRefreshTokenResponseSchema } from '../../shared/schemas/scorm-launch';
import { listScormSessionsResponseSchema, scormSessionSchema } from '../../shared/schemas/scorm-session';
import { SEED_SCORM_PKG } from './catalog-seed';
import { useTestServer } from './use-test-server';

const t = useTestServer();

const launch = (body: unknown, packageId = SEED_SCORM_PKG) => t.call('POST', `/api/v1/packages/${packageId}/launch`, { apiKey: t.token, body });

describe('POST /api/v1/packages/:id/launch', () => {
  it('creates the named session and returns a signed launch URL that the player accepts', async () => {
    const res = await launch({ user_id: 'user-123', session_id: 'session-456' });
    expect(res.status).toBe(200);
    const body = scormLaunchResponseSchema.parse(res.body);
    expect(body).toMatchObject({ package_id: SEED_SCORM_PKG, session_id: 'session-456', learner_id: 'user-123', content_type: 'scorm', expires_in_seconds: 14_400 });
    expect(body.launch_url.startsWith(`${t.server.url}/player/session-456?token=`)).toBe(true);
    expect((await fetch(body.launch_url)).status).toBe(200);
    // The seed warns against building player URLs by hand: without the token they are 401.
    expect((await fetch(`${t.server.url}/player/session-456`)).status).toBe(401);
    expect((await fetch(`${t.server.url}/player/other?${new URL(body.launch_url).searchParams}`)).status).toBe(401);
  });

  it('resumes an existing session (same data, fresh token) and refuses someone else\'s', async () => {
    const first = await launch({ user_id: 'user-123', session_id: 'session-456' });
    const again = await launch({ user_id: 'user-123', session_id: 'session-456' });
    expect(again.status).toBe(200);
    expect(again.body.launch_url).not.toBe(first.body.launch_url);
    expect(t.server.inspect.scormSessions()).toHaveLength(1);
    expect(await launch({ user_id: 'user-999', session_id: 'session-456' })).toMatchObject({ status: 409, body: { code: 'SESSION_CONFLICT' } });
  });

  it('answers 404 for an unknown package, 400 for a bad body, 401 without a key', async () => {
    expect(await launch({ user_id: 'u', session_id: 's' }, 'pkg_missing')).toMatchObject({ status: 404, body: { error: 'Package not found', code: 'PACKAGE_NOT_FOUND' } });
    const bad = await launch({ user_id: '' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['session_id', 'user_id']);
    const res = await t.call('POST', `/api/v1/packages/${SEED_SCORM_PKG}/launch`, { body: { user_id: 'u', session_id: 's' } });
    expect(res).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
  });
});

describe('SCORM sessions', () => {
  beforeEach(async () => {
    await launch({ user_id: 'user-123', session_id: 'session-456' });
  });

  it('GET returns the session in the seed shape, by X-API-Key or Bearer; unknown ids are 404', async () => {
    const byKey = await t.call('GET', '/api/v1/sessions/session-456', { apiKey: t.token });
    expect(scormSessionSchema.parse(byKey.body)).toMatchObject({ id: 'session-456', user_id: 'user-123', package_id: SEED_SCORM_PKG, version: 1, cmi_data: {} });
    expect((await t.call('GET', '/api/v1/sessions/session-456', { token: t.token })).body).toEqual(byKey.body);
    expect(await t.call('GET', '/api/v1/sessions/nope', { apiKey: t.token })).toMatchObject({ status: 404, body: { error: 'Session not found', code: 'SESSION_NOT_FOUND' } });
  });

  it('lists sessions filtered by package and user', async () => {
    await launch({ user_id: 'user-777', session_id: 'session-777' });
    const mine = await t.call('GET', `/api/v1/sessions?package_id=${SEED_SCORM_PKG}&user_id=user-123`, { apiKey: t.token });
    expect(listScormSessionsResponseSchema.parse(mine.body).sessions.map((s) => s.id)).toEqual(['session-456']);
    expect((await t.call('GET', '/api/v1/sessions', { apiKey: t.token })).body.sessions).toHaveLength(2);
  });

  it('PUT with the current version applies the update, adds session_time and increments the version', async () => {
    const update = {
      version: 1,
      cmi_data: { 'cmi.core.lesson_status': 'completed', 'cmi.core.score.raw': '85' },
      completion_status: 'completed',
      success_status: 'passed',
      score: { scaled: 0.85, raw: 85, max: 100, min: 0 },
      session_time: 'PT20M45S',
    };
    const res = await t.call('PUT', '/api/v1/sessions/session-456', { apiKey: t.token, body: update });
    expect(res.status).toBe(200);
    expect(scormSessionSchema.parse(res.body)).toMatchObject({ version: 2, completion_status: 'completed', success_status: 'passed', time_spent_seconds: 1245, cmi_data: update.cmi_data });
    const second = await t.call('PUT', '/api/v1/sessions/session-456', { apiKey: t.token, body: { version: 2, session_time: 'PT15S' } });
    expect(second.body).toMatchObject({ version: 3, time_spent_seconds: 1260, completion_status: 'completed', cmi_data: update.cmi_data });
    expect(t.server.effects().scormSessionVersions).toEqual({ 'session-456': 3 });
  });

  it('PUT with a stale version is 409 with the current session and changes nothing', async () => {
    await t.call('PUT', '/api/v1/sessions/session-456', { apiKey: t.token, body: { version: 1, cmi_data: { 'cmi.core.lesson_location': 'p2' } } });
    const stale = await t.call('PUT', '/api/v1/sessions/session-456', { apiKey: t.token, body: { version: 1, cmi_data: { 'cmi.core.lesson_location': 'p9' } } });
    expect(stale).toMatchObject({ status: 409, body: { error: 'Version conflict', code: 'VERSION_CONFLICT', session: { version: 2, cmi_data: { 'cmi.core.lesson_location': 'p2' } } } });
    expect(scormSessionSchema.parse(stale.body.session).version).toBe(2);
    expect(t.server.effects().scormSessionVersions['session-456']).toBe(2);
  });

  it('PUT validates the body and 404s an unknown session', async () => {
    expect(await t.call('PUT', '/api/v1/sessions/session-456', { apiKey: t.token, body: { cmi_data: {} } })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(await t.call('PUT', '/api/v1/sessions/session-456', { apiKey: t.token, body: { version: 1, session_time: '20 minutes' } })).toMatchObject({ status: 400 });
    expect((await t.call('PUT', '/api/v1/sessions/nope', { apiKey: t.token, body: { version: 1 } })).status).toBe(404);
  });

  it('refresh-token mints a new working launch URL; unknown sessions are 404', async () => {
    const res = await t.call('POST', '/api/v1/sessions/session-456/refresh-token', { apiKey: t.token });
    const body = scormRefreshTokenResponseSchema.parse(res.body);
    expect(body.expires_in_seconds).toBe(14_400);
    expect((await fetch(body.launch_url ?? '')).status).toBe(200);
    expect((await t.call('POST', '/api/v1/sessions/nope/refresh-token', { apiKey: t.token })).status).toBe(404);
  });
});
