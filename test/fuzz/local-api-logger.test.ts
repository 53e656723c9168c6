import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { createFuzzWorld, expectRecordsReadable, fuzzEndpoint, pathSegment, queryString, ALICE, BOB } from './local-api-harness';
import type { Endpoint, FuzzWorld } from './local-api-harness';

let world: FuzzWorld;
beforeAll(async () => {
  world = await createFuzzWorld();
});

const exercise = { node_id: 'n1', content_id: 'c1', channel_id: 'ch', kind: 'exercise', mastery_model: { type: 'm_of_n', m: 3, n: 5 } };
const video = { node_id: 'n2', content_id: 'c2', channel_id: 'ch', kind: 'video' };
const quiz = { quiz_id: 'q1' };
const answer = (item: string, correct: number) => ({ item, correct, time_spent: 4, complete: correct === 1, answer: { v: correct } });
const realSessions = () => [world.ids.aliceContentSession, world.ids.bobContentSession];
const readKeys = ['content', 'user', 'complete', 'quiz', 'page', 'page_size'];
const readPairs: [string, string][] = [['content', 'c1'], ['user', ALICE], ['user', BOB], ['page_size', '1'], ['page', '2'], ['quiz', 'false'], ['complete', 'true']];
const mine = (who: string) => `content=c1&user=${who}`;

describe('fuzz: progress tracking API (docs/api/progress-tracking.md)', { timeout: 120_000 }, () => {
  it('POST /api/logger/contentsession', async () => {
    const endpoint: Endpoint = {
      family: 'logger',
      method: 'POST',
      path: fc.constant('/api/logger/contentsession'),
      wellFormed: fc.constant('/api/logger/contentsession'),
      bodies: [exercise, video, quiz, { ...exercise, repeat: true }],
      write: true,
    };
    await fuzzEndpoint(world, endpoint, 100);
  });

  it('PUT /api/logger/contentsession/:id', async () => {
    const endpoint: Endpoint = {
      family: 'logger',
      method: 'PUT',
      path: fc.constant(null).chain(() => pathSegment([...realSessions(), 'nope'])).map((id) => `/api/logger/contentsession/${id}`),
      wellFormed: fc.constant(null).chain(() => fc.constantFrom(...realSessions())).map((id) => `/api/logger/contentsession/${id}`),
      bodies: [{ interactions: [answer('a', 1), answer('b', 0)], progress_delta: 0.2, time_spent_delta: 8 }, { progress: 0.5, extra_fields: { note: 'x' } }, { interactions: [{ item: 'c', correct: 0, time_spent: 1, error: true }] }, {}],
      deepKey: 'extra_fields',
      write: true,
    };
    await fuzzEndpoint(world, endpoint, 120);
  });

  it('GET /api/logger/totalcontentprogress/:userId', async () => {
    const endpoint: Endpoint = {
      family: 'logger',
      method: 'GET',
      path: pathSegment([ALICE, BOB]).map((id) => `/api/logger/totalcontentprogress/${id}`),
      wellFormed: fc.constantFrom(ALICE, BOB).map((id) => `/api/logger/totalcontentprogress/${id}`),
      write: false,
    };
    await fuzzEndpoint(world, endpoint, 50);
  });

  it('GET /api/logger/masterylog', async () => {
    const endpoint: Endpoint = {
      family: 'logger',
      method: 'GET',
      path: fc.constant('/api/logger/masterylog'),
      query: queryString([...readKeys, 'facility', 'classroom'], readPairs, mine(ALICE)),
      wellFormed: fc.constantFrom(ALICE, BOB).map((who) => `/api/logger/masterylog?${mine(who)}`),
      write: false,
    };
    await fuzzEndpoint(world, endpoint, 80);
  });

  it('GET /api/logger/masterylog/:index/diff', async () => {
    const endpoint: Endpoint = {
      family: 'logger',
      method: 'GET',
      path: pathSegment(['0', '1', '-1', '1.5', '1e3', '99999999999']).map((index) => `/api/logger/masterylog/${index}/diff`),
      query: queryString(readKeys, readPairs, mine(ALICE)),
      wellFormed: fc.constantFrom(ALICE, BOB).map((who) => `/api/logger/masterylog/0/diff?${mine(who)}`),
      write: false,
    };
    await fuzzEndpoint(world, endpoint, 80);
  });

  it('GET /api/logger/attemptlog', async () => {
    const endpoint: Endpoint = {
      family: 'logger',
      method: 'GET',
      path: fc.constant('/api/logger/attemptlog'),
      query: queryString([...readKeys, 'masterylog', 'item', 'mastery_level'], readPairs, `user=${ALICE}`),
      wellFormed: fc.constantFrom(`/api/logger/attemptlog?user=${ALICE}`, '/api/logger/attemptlog?content=c1&page_size=1', '/api/logger/attemptlog?item=a&mastery_level=1'),
      write: false,
    };
    await fuzzEndpoint(world, endpoint, 80);
  });

  it('leaves every record readable in the seed shape and every outbox row valid', async () => {
    await expectRecordsReadable(world);
  });
});
