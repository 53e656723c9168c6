import { beforeEach, describe, expect, it } from 'vitest';
import { createScormDispatchResponseSchema } from '../../../shared/schemas/scorm-dispatch';
import { createLocalApi } from '../../../renderer/src/local-server/local-api';
import type { LocalApi } from '../../../renderer/src/local-server/local-api';
import { switchableGuard } from '../../support/instructor-guards';
import { ALICE } from '../../support/local-api-fixture';
import { COURSE_12, createScormApiFixture } from '../../support/scorm-api-fixture';
import type { ScormApiFixture } from '../../support/scorm-api-fixture';

let f: ScormApiFixture;
let api: LocalApi;
let guard: ReturnType<typeof switchableGuard>;
beforeEach(async () => {
  f = await createScormApiFixture();
  guard = switchableGuard(true);
  api = createLocalApi({ ...f.deps, instructor: guard });
});

const send = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
  const response = await api(new Request(`http://outpost.local${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }), redirect: 'manual' }));
  return { status: response.status, location: response.headers.get('location'), body: response.status === 302 ? null : ((await response.json()) as Record<string, unknown>) };
};
const instructor = { authorization: 'Instructor' };

describe('dispatches', () => {
  it('one durable record per destination; launching its URL mints a short-lived session for the signed-in learner; rotate and revoke end old URLs', async () => {
    const created = await send('POST', `/api/v1/packages/${COURSE_12}/dispatches`, instructor, { label: 'Acme LMS – Onboarding', destination: 'acme-moodle' });
    expect(created.status).toBe(201);
    const { dispatch, dispatch_url } = createScormDispatchResponseSchema.parse(created.body);
    expect(dispatch.launchUrl).toBe(dispatch_url);
    expect(await f.db.scormDispatches.count()).toBe(1);
    const path = new URL(dispatch_url).pathname;

    const learner = { authorization: `Bearer ${await f.token(ALICE)}` };
    const launched = await send('GET', path, learner);
    expect(launched.status).toBe(302);
    expect(launched.location).toMatch(/\/player\/[0-9a-f-]{36}\?token=/);
    expect(f.signed.at(-1)).toMatchObject({ package_id: COURSE_12, learner_id: ALICE, ttl_seconds: 900 });
    expect(await f.db.scormSessions.count()).toBe(1);

    const rotated = await send('POST', `/api/v1/dispatches/${dispatch.id}/rotate`, instructor);
    const next = new URL(createScormDispatchResponseSchema.parse(rotated.body).dispatch_url).pathname;
    expect(next).not.toBe(path);
    expect((await send('GET', path, learner)).status).toBe(404);
    expect((await send('GET', next, learner)).status).toBe(302);

    expect((await send('DELETE', `/api/v1/dispatches/${dispatch.id}`, instructor)).status).toBe(200);
    expect((await send('GET', next, learner)).status).toBe(404);
    expect((await send('DELETE', `/api/v1/dispatches/${dispatch.id}`, instructor)).status).toBe(404);
  });

  it('only the instructor manages dispatches; an unknown course is not found', async () => {
    const learner = { authorization: `Bearer ${await f.token(ALICE)}` };
    expect((await send('POST', `/api/v1/packages/${COURSE_12}/dispatches`, learner, { label: 'x', destination: 'y' })).status).toBe(403);
    guard.signedIn = false;
    expect((await send('POST', `/api/v1/packages/${COURSE_12}/dispatches`, instructor, { label: 'x', destination: 'y' })).status).toBe(403);
    guard.signedIn = true;
    expect((await send('POST', '/api/v1/packages/pkg-000000000000000000000000/dispatches', instructor, { label: 'x', destination: 'y' })).status).toBe(404);
    expect((await send('POST', `/api/v1/packages/${COURSE_12}/dispatches`, instructor, { label: ' ' })).status).toBe(400);
    expect(await f.db.scormDispatches.count()).toBe(0);
  });
});
