import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { createFuzzWorld, expectRecordsReadable, fuzzEndpoint, pathSegment, queryString, ALICE, LESSON, TENANT } from './local-api-harness';
import type { Endpoint, FuzzWorld } from './local-api-harness';

let world: FuzzWorld;
beforeAll(async () => {
  world = await createFuzzWorld();
});

const realPlays = () => [world.ids.alicePlay, world.ids.bobPlay];
const playPath = (suffix = '') => fc.constant(null).chain(() => pathSegment([...realPlays(), 'nope'])).map((id) => `/api/lesson-plays/${id}${suffix}`);
const realPlayPath = (suffix = '') => fc.constant(null).chain(() => fc.constantFrom(...realPlays())).map((id) => `/api/lesson-plays/${id}${suffix}`);

const results = {
  sessions: [
    { index: 0, grade: 'A', engagementLevel: 0.95, poseSimilarity: 0.9, repCount: 10, targetRepCount: 12, skipped: false },
    { index: 1, grade: 'B+', engagementLevel: 0.8, poseSimilarity: 0.85, repCount: 15, targetRepCount: 18, skipped: false },
  ],
  activityTime: 1200,
  caloriesBurned: 100,
  completedAt: '2026-03-02T09:20:00.000Z',
};

describe('fuzz: lesson plays API (docs/api/lesson-plays.md)', { timeout: 120_000 }, () => {
  it('GET /api/lesson-plays', async () => {
    const endpoint: Endpoint = {
      family: 'lesson-plays',
      method: 'GET',
      path: fc.constant('/api/lesson-plays'),
      query: queryString(
        ['clientId', 'page', 'pageSize', 'sortBy', 'sortOrder', 'userId', 'lessonId', 'startAfter'],
        [['clientId', TENANT], ['userId', ALICE], ['lessonId', LESSON], ['sortBy', 'averageGrade'], ['sortBy', 'completedAt'], ['startAfter', '["2026-03-02T09:00:00.000Z","x"]'], ['startAfter', '[1e400,"x"]'], ['startAfter', '"A"']],
        `clientId=${TENANT}`,
      ),
      wellFormed: fc.constantFrom(`/api/lesson-plays?clientId=${TENANT}`, `/api/lesson-plays?clientId=${TENANT}&sortBy=score&pageSize=1`, `/api/lesson-plays?clientId=${TENANT}&lessonId=${LESSON}&sortOrder=asc`),
      write: false,
    };
    await fuzzEndpoint(world, endpoint, 120);
  });

  it('POST /api/lesson-plays', async () => {
    const endpoint: Endpoint = {
      family: 'lesson-plays',
      method: 'POST',
      path: fc.constant('/api/lesson-plays'),
      wellFormed: fc.constant('/api/lesson-plays'),
      bodies: [{ lessonId: LESSON }, { lessonId: 'lesson-2', locale: 'zh-Hant', returnUrl: 'https://school.example/done', skipWarmUp: true, playbackSpeed: 1.25, displayName: 'Alice' }],
      deepKey: 'displayName',
      write: true,
    };
    await fuzzEndpoint(world, endpoint, 100);
  });

  it('GET /api/lesson-plays/:id', async () => {
    await fuzzEndpoint(world, { family: 'lesson-plays', method: 'GET', path: playPath(), wellFormed: realPlayPath(), write: false }, 60);
  });

  it('PATCH /api/lesson-plays/:id', async () => {
    const endpoint: Endpoint = { family: 'lesson-plays', method: 'PATCH', path: playPath(), wellFormed: realPlayPath(), bodies: [{ returnUrl: 'https://school.example/next' }, { returnUrl: null }], write: true };
    await fuzzEndpoint(world, endpoint, 80);
  });

  it('PUT /api/lesson-plays/:id/results', async () => {
    const endpoint: Endpoint = {
      family: 'lesson-plays',
      method: 'PUT',
      path: playPath('/results'),
      wellFormed: realPlayPath('/results'),
      bodies: [results, { sessions: [] }, { sessions: [{ index: 0, grade: 'C' }], completedAt: null }],
      write: true,
    };
    await fuzzEndpoint(world, endpoint, 100);
  });

  it('leaves every record readable in the seed shape and every outbox row valid', async () => {
    await expectRecordsReadable(world);
  });
});
