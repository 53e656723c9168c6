import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { createFuzzWorld, expectRecordsReadable, fuzzEndpoint, pathSegment, queryString, ALICE, BOB, COURSE_12, COURSE_MULTI } from './local-api-harness';
import type { Endpoint, FuzzWorld } from './local-api-harness';

let world: FuzzWorld;
beforeAll(async () => {
  world = await createFuzzWorld();
});

const courses = [COURSE_12, COURSE_MULTI];
const fuzzedCourse = pathSegment([...courses, 'pkg-ffffffffffffffffffffffff', 'pkg-0000']);
const sessionPath = (suffix = '') => fc.constant(null).chain(() => pathSegment([world.ids.aliceScormSession, 'b-1', 'nope'])).map((id) => `/api/v1/sessions/${id}${suffix}`);
const realSessionPath = (suffix = '') => fc.constant(`/api/v1/sessions/a-1${suffix}`);
const dispatchPath = (suffix = '') => fc.constant(null).chain(() => pathSegment([world.ids.dispatch, 'dsp_nope'])).map((id) => `/api/v1/dispatches/${id}${suffix}`);
const realDispatchPath = (suffix = '') => fc.constant(null).map(() => `/api/v1/dispatches/${world.ids.dispatch}${suffix}`);

describe('fuzz: SCORM sessions and launch API (docs/api/scorm.md)', { timeout: 120_000 }, () => {
  it('POST /api/v1/packages/:id/launch', async () => {
    const endpoint: Endpoint = {
      family: 'scorm',
      method: 'POST',
      path: fuzzedCourse.map((id) => `/api/v1/packages/${id}/launch`),
      wellFormed: fc.constantFrom(...courses).map((id) => `/api/v1/packages/${id}/launch`),
      bodies: [{ user_id: ALICE, session_id: 'a-1' }, { user_id: ALICE, session_id: 'a-2' }, { user_id: BOB, session_id: 'b-1' }],
      write: true,
    };
    await fuzzEndpoint(world, endpoint, 100);
  });

  it('GET /api/v1/sessions', async () => {
    const endpoint: Endpoint = {
      family: 'scorm',
      method: 'GET',
      path: fc.constant('/api/v1/sessions'),
      query: queryString(['package_id', 'user_id'], [['package_id', COURSE_MULTI], ['user_id', ALICE], ['user_id', BOB]]),
      wellFormed: fc.constantFrom('/api/v1/sessions', `/api/v1/sessions?package_id=${COURSE_MULTI}&user_id=${ALICE}`),
      write: false,
    };
    await fuzzEndpoint(world, endpoint, 60);
  });

  it('GET /api/v1/sessions/:id', async () => {
    await fuzzEndpoint(world, { family: 'scorm', method: 'GET', path: sessionPath(), wellFormed: realSessionPath(), write: false }, 50);
  });

  it('PUT /api/v1/sessions/:id', async () => {
    // The version moves on with every accepted PUT: the bodies follow the version the API last reported.
    let version = 1;
    const endpoint: Endpoint = {
      family: 'scorm',
      method: 'PUT',
      path: sessionPath(),
      wellFormed: realSessionPath(),
      bodies: () => [
        { version, cmi_data: { 'sco:a:cmi.location': 'p3', 'sco:a:cmi.suspend_data': 'x' }, completion_status: 'incomplete', session_time: 'PT1M30S' },
        { version, score: { scaled: 0.5 } },
        { version: version - 1 },
      ],
      observe: (answer) => {
        const body = answer.body as { id?: string; version?: number; session?: { id?: string; version?: number } } | undefined;
        const session = answer.status === 409 ? body?.session : body;
        if (session?.id === 'a-1' && typeof session.version === 'number') version = session.version;
      },
      deepKey: 'cmi_data',
      write: true,
    };
    await fuzzEndpoint(world, endpoint, 120);
  });

  it('POST /api/v1/sessions/:id/refresh-token', async () => {
    await fuzzEndpoint(world, { family: 'scorm', method: 'POST', path: sessionPath('/refresh-token'), wellFormed: realSessionPath('/refresh-token'), write: false }, 50);
  });

  it('POST /api/v1/packages/:id/dispatches', async () => {
    const endpoint: Endpoint = {
      family: 'scorm',
      method: 'POST',
      path: fuzzedCourse.map((id) => `/api/v1/packages/${id}/dispatches`),
      wellFormed: fc.constantFrom(...courses).map((id) => `/api/v1/packages/${id}/dispatches`),
      bodies: [{ label: 'LMS', destination: 'lms.example' }, { label: '學校', destination: 'https://lms.example/x' }],
      write: true,
      instructorOnly: true,
    };
    await fuzzEndpoint(world, endpoint, 60);
  });

  it('GET /player/dispatch/:handle', async () => {
    const endpoint: Endpoint = {
      family: 'scorm',
      method: 'GET',
      path: fc.constant(null).chain(() => pathSegment([world.ids.dispatchHandle, `dsp_${'0'.repeat(32)}`])).map((handle) => `/player/dispatch/${handle}`),
      wellFormed: fc.constant(null).map(() => `/player/dispatch/${world.ids.dispatchHandle}`),
      write: true,
    };
    await fuzzEndpoint(world, endpoint, 50);
  });

  it('POST /api/v1/dispatches/:id/rotate', async () => {
    await fuzzEndpoint(world, { family: 'scorm', method: 'POST', path: dispatchPath('/rotate'), wellFormed: realDispatchPath('/rotate'), write: true, instructorOnly: true }, 50);
  });

  it('DELETE /api/v1/dispatches/:id', async () => {
    await fuzzEndpoint(world, { family: 'scorm', method: 'DELETE', path: dispatchPath(), wellFormed: realDispatchPath(), write: true, instructorOnly: true }, 40);
  });

  it('leaves every record readable in the seed shape and every outbox row valid', async () => {
    await expectRecordsReadable(world);
  });
});
