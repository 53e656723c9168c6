import { beforeEach, describe, expect, it } from 'vitest';
import { scormLaunchResponseSchema, scormRefreshTokenResponseSchema } from '../../../shared/schemas/scorm-launch';
import { scormSessionSchema } from '../../../shared/schemas/scorm-session';
import { ALICE, BOB, TENANT } from '../../support/local-api-fixture';
import { COURSE_12, COURSE_MULTI, createScormApiFixture, OTHER_TENANT } from '../../support/scorm-api-fixture';
import type { ScormApiFixture } from '../../support/scorm-api-fixture';

let f: ScormApiFixture;
let alice: string;
let bob: string;
beforeEach(async () => {
  f = await createScormApiFixture();
  alice = await f.token(ALICE);
  bob = await f.token(BOB);
});

const launch = (token: string, pkg: string, body: unknown) => f.call('POST', `/api/v1/packages/${pkg}/launch`, { token, body });

describe('POST /api/v1/packages/:id/launch', () => {
  it('creates the session with the launch operation queued, then resumes it with a fresh link', async () => {
    const first = await launch(alice, COURSE_12, { user_id: ALICE, session_id: 'session-456' });
    expect(first.status).toBe(200);
    expect(scormLaunchResponseSchema.parse(first.body)).toMatchObject({ package_id: COURSE_12, session_id: 'session-456', learner_id: ALICE, content_type: 'scorm', storage_backend: 'outpost-kiosk', expires_in_seconds: 14_400 });
    expect(first.body.launch_url).toContain('?token=signed-1');
    const again = await launch(alice, COURSE_12, { user_id: ALICE, session_id: 'session-456' });
    expect(again.body.launch_url).toContain('?token=signed-2');
    const ops = await f.db.outbox.toArray();
    expect(ops.map((op) => [op.kind, op.method, op.path, op.body])).toEqual([['scorm_session.launch', 'POST', `/api/v1/packages/${COURSE_12}/launch`, { user_id: ALICE, session_id: 'session-456' }]]);
    expect(f.signed[0]).toEqual({ package_id: COURSE_12, session_id: 'session-456', learner_id: ALICE });
  });

  it('refuses launching for someone else, a session of another learner, unknown or other-tenant courses', async () => {
    expect((await launch(alice, COURSE_12, { user_id: BOB, session_id: 's1' })).status).toBe(403);
    await launch(alice, COURSE_12, { user_id: ALICE, session_id: 's1' });
    const stolen = await launch(bob, COURSE_12, { user_id: BOB, session_id: 's1' });
    expect(stolen).toMatchObject({ status: 409, body: { code: 'SESSION_CONFLICT' } });
    expect((await launch(alice, 'pkg-000000000000000000000000', { user_id: ALICE, session_id: 's2' })).body.code).toBe('PACKAGE_NOT_FOUND');
    expect((await launch(alice, 'pkg-ffffffffffffffffffffffff', { user_id: ALICE, session_id: 's3' })).status).toBe(404);
    expect((await launch(alice, COURSE_12, { user_id: ALICE, session_id: '../x' })).status).toBe(400);
    expect((await launch(alice, COURSE_12, { user_id: ALICE })).body.code).toBe('VALIDATION_ERROR');
    expect((await f.call('POST', `/api/v1/packages/${COURSE_12}/launch`, { body: { user_id: ALICE, session_id: 's4' } })).status).toBe(401);
  });

  it("another tenant's session is not found", async () => {
    await f.db.scormSessions.add({ ...scormSessionSchema.parse({ id: 'foreign', tenant_id: OTHER_TENANT, user_id: ALICE, package_id: COURSE_12, cmi_data: {}, completion_status: 'not attempted', success_status: 'unknown', time_spent_seconds: 0, version: 1, created_at: f.clock.now.toISOString(), updated_at: f.clock.now.toISOString() }) });
    expect((await launch(alice, COURSE_12, { user_id: ALICE, session_id: 'foreign' })).body.code).toBe('SESSION_NOT_FOUND');
    expect((await f.call('GET', '/api/v1/sessions/foreign', { token: alice })).status).toBe(404);
  });
});

describe('sessions: read, list, PUT with versions, refresh-token', () => {
  beforeEach(async () => {
    await launch(alice, COURSE_12, { user_id: ALICE, session_id: 'a-1' });
    await launch(alice, COURSE_MULTI, { user_id: ALICE, session_id: 'a-2' });
    await launch(bob, COURSE_12, { user_id: BOB, session_id: 'b-1' });
  });

  it('reads a session in the seed shape, only its own learner', async () => {
    const read = await f.call('GET', '/api/v1/sessions/a-1', { token: alice });
    expect(scormSessionSchema.strict().parse(read.body)).toMatchObject({ id: 'a-1', tenant_id: TENANT, version: 1, completion_status: 'not attempted' });
    expect((await f.call('GET', '/api/v1/sessions/a-1', { token: bob })).status).toBe(404);
  });

  it('lists by package and user, never another learner\'s', async () => {
    expect((await f.call('GET', '/api/v1/sessions', { token: alice })).body.sessions.map((s: { id: string }) => s.id).sort()).toEqual(['a-1', 'a-2']);
    expect((await f.call('GET', `/api/v1/sessions?package_id=${COURSE_12}&user_id=${ALICE}`, { token: alice })).body.sessions.map((s: { id: string }) => s.id)).toEqual(['a-1']);
    expect((await f.call('GET', `/api/v1/sessions?user_id=${BOB}`, { token: alice })).body.sessions).toEqual([]);
  });

  it('PUT with the current version saves, adds session time and increments; a stale version is 409 with the session', async () => {
    const body = { version: 1, cmi_data: { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'p3' }, completion_status: 'incomplete', session_time: 'PT15M30S' };
    const ok = await f.call('PUT', '/api/v1/sessions/a-1', { token: alice, body });
    expect(ok).toMatchObject({ status: 200, body: { version: 2, time_spent_seconds: 930, completion_status: 'incomplete' } });
    const stale = await f.call('PUT', '/api/v1/sessions/a-1', { token: alice, body });
    expect(stale).toMatchObject({ status: 409, body: { code: 'VERSION_CONFLICT', session: { version: 2 } } });
    const put = (await f.db.outbox.toArray()).filter((op) => op.kind === 'scorm_session.update');
    expect(put).toHaveLength(1);
    expect(put[0]).toMatchObject({ method: 'PUT', path: '/api/v1/sessions/a-1', body });
    const create = (await f.db.outbox.toArray()).find((op) => op.kind === 'scorm_session.launch' && op.entity_id === 'a-1');
    expect(put[0]?.depends_on).toEqual([create?.id]);
    expect((await f.call('PUT', '/api/v1/sessions/b-1', { token: alice, body })).status).toBe(404);
    expect((await f.call('PUT', '/api/v1/sessions/a-1', { token: alice, body: { cmi_data: {} } })).status).toBe(400);
  });

  it('refresh-token mints a new signed link for the session\'s own learner only', async () => {
    const fresh = await f.call('POST', '/api/v1/sessions/a-1/refresh-token', { token: alice });
    expect(scormRefreshTokenResponseSchema.parse(fresh.body).launch_url).toContain('/player/a-1?token=');
    expect((await f.call('POST', '/api/v1/sessions/a-1/refresh-token', { token: bob })).status).toBe(404);
  });
});
