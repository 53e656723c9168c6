import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { createFuzzWorld, expectRecordsReadable, fuzzEndpoint, pathSegment, queryString, CHEM_PKG, SAFETY_PKG } from './local-api-harness';
import type { Endpoint, FuzzWorld } from './local-api-harness';

const ACTIVITY = 'ac000000-0000-4000-8000-000000000005';
let world: FuzzWorld;
beforeAll(async () => {
  world = await createFuzzWorld();
});

const realSessions = () => [world.ids.aliceVrSession, world.ids.bobVrSession];
const completePath = (ids: fc.Arbitrary<string>) => ids.map((id) => `/api/vr-sessions/${id}/complete`);

describe('fuzz: VR sessions API (docs/api/vr-sessions.md)', { timeout: 120_000 }, () => {
  it('GET /api/vr-sessions', async () => {
    const endpoint: Endpoint = {
      family: 'vr',
      method: 'GET',
      path: fc.constant('/api/vr-sessions'),
      query: queryString(['package_id', 'activity_id'], [['package_id', SAFETY_PKG], ['activity_id', ACTIVITY], ['package_id', 'not-a-uuid']]),
      wellFormed: fc.constantFrom('/api/vr-sessions', `/api/vr-sessions?package_id=${SAFETY_PKG}`, `/api/vr-sessions?package_id=${CHEM_PKG}&activity_id=${ACTIVITY}`),
      write: false,
    };
    await fuzzEndpoint(world, endpoint, 60);
  });

  it('POST /api/vr-sessions', async () => {
    const endpoint: Endpoint = {
      family: 'vr',
      method: 'POST',
      path: fc.constant('/api/vr-sessions'),
      wellFormed: fc.constant('/api/vr-sessions'),
      bodies: [{ package_id: SAFETY_PKG }, { package_id: CHEM_PKG, activity_id: ACTIVITY, completion_mode: 'score_entry' }, { package_id: SAFETY_PKG, completion_mode: 'auto_detect' }],
      write: true,
    };
    await fuzzEndpoint(world, endpoint, 80);
  });

  it('POST /api/vr-sessions/:id/complete', async () => {
    const endpoint: Endpoint = {
      family: 'vr',
      method: 'POST',
      path: completePath(fc.constant(null).chain(() => pathSegment([...realSessions(), SAFETY_PKG]))),
      wellFormed: completePath(fc.constant(null).chain(() => fc.constantFrom(...realSessions()))),
      bodies: [{ score: 87.5, time_spent_minutes: 12, notes: 'fine' }, { score: 0 }, { notes: '很好 😀' }, {}],
      write: true,
    };
    await fuzzEndpoint(world, endpoint, 80);
  });

  it('leaves every record readable in the seed shape and every outbox row valid', async () => {
    await expectRecordsReadable(world);
  });
});
