import { beforeEach, describe, expect, it } from 'vitest';
import { createLocalApi } from '../../../renderer/src/local-server/local-api';
import { ALICE, BOB, createApiFixture, TENANT } from '../../support/local-api-fixture';
import type { ApiFixture } from '../../support/local-api-fixture';

const LESSON = 'lesson789';
const lesson = {
  id: LESSON,
  title: { en: 'Pure Yoga', 'zh-Hant': '純瑜伽', 'zh-Hans': '纯瑜伽' },
  workoutCategory: 'ENGAGEMENT',
  sessions: [{ title: { en: 'Warmup', 'zh-Hant': '熱身', 'zh-Hans': '热身' } }, { title: { en: 'Workout', 'zh-Hant': '運動', 'zh-Hans': '运动' } }],
};

let f: ApiFixture;
let alice: string;
let bob: string;

beforeEach(async () => {
  f = await createApiFixture();
  await f.db.lessons.bulkAdd([lesson, { id: 'lesson-2', title: { en: 'Tai Chi' } }]);
  alice = await f.token(ALICE);
  bob = await f.token(BOB);
});

const post = (body: unknown, token = alice) => f.call('POST', '/api/lesson-plays', { token, body });
const list = (query = '', token = alice) => f.call('GET', `/api/lesson-plays?clientId=${TENANT}${query}`, { token });

async function createMany(n: number, token = alice, tick = true): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    if (tick) f.clock.now = new Date(f.clock.now.getTime() + 1000);
    ids.push((await post({ lessonId: i % 2 === 0 ? LESSON : 'lesson-2' }, token)).body.lessonPlayId);
  }
  return ids;
}

describe('POST /api/lesson-plays (local)', () => {
  it('creates a play for the signed-in learner and queues the create in the same transaction', async () => {
    const res = await post({ lessonId: LESSON, userId: ALICE, locale: 'zh-Hant', returnUrl: 'https://school.example/done', skipWarmUp: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ lessonPlayId: expect.any(String), redirectUrl: `/move/lesson/play/${res.body.lessonPlayId}`, createdAt: '2026-03-02T09:00:00.000Z' });
    expect(await f.db.lessonPlays.get(res.body.lessonPlayId)).toMatchObject({ clientId: TENANT, userId: ALICE, locale: 'zh-Hant', completedAt: null, sessions: [] });
    const [op] = await f.db.outbox.toArray();
    expect(op).toMatchObject({ kind: 'lesson_play.create', method: 'POST', path: '/api/lesson-plays', entity_id: res.body.lessonPlayId, acting_user_id: ALICE, body: { lessonId: LESSON, userId: ALICE, locale: 'zh-Hant', skipWarmUp: true } });
  });

  it.each([
    [{ lessonId: LESSON, email: 'nope' }, 'Invalid email'],
    [{ lessonId: LESSON, photoURL: 'javascript:alert(1)' }, 'Invalid photoURL'],
    [{ lessonId: LESSON, returnUrl: 'not a url' }, 'Invalid returnUrl'],
    [{ lessonId: LESSON, locale: 'fr' }, 'Invalid locale'],
    [{ lessonId: LESSON, userId: BOB }, 'User ID does not match auth token'],
    [{ lessonId: 'nope' }, 'Lesson does not exist'],
  ])('answers 400 with the seed message for %j and writes nothing', async (body, error) => {
    expect(await post(body)).toEqual({ status: 400, body: { error } });
    expect(await f.db.lessonPlays.count()).toBe(0);
    expect(await f.db.outbox.count()).toBe(0);
  });

  it('accepts the three locales', async () => {
    for (const locale of ['en', 'zh-Hans', 'zh-Hant']) expect((await post({ lessonId: LESSON, locale })).status).toBe(200);
  });

  it('answers "User does not exist" once the learner left the roster, and 401 without an ID token or for the instructor', async () => {
    await f.db.learners.delete(ALICE);
    expect(await post({ lessonId: LESSON })).toEqual({ status: 400, body: { error: 'User does not exist' } });
    expect(await f.call('POST', '/api/lesson-plays', { body: { lessonId: LESSON } })).toEqual({ status: 401, body: { error: 'Unauthorized' } });
    const withInstructor = createLocalApi({ ...f.deps, instructor: { require: async () => {} } });
    const res = await withInstructor(new Request('http://outpost.local/api/lesson-plays', { method: 'POST', headers: { authorization: 'Instructor', 'content-type': 'application/json' }, body: JSON.stringify({ lessonId: LESSON }) }));
    expect(res.status).toBe(401);
  });
});

describe('GET /api/lesson-plays (local)', () => {
  it('pages newest first with page/pageSize and embeds the lesson', async () => {
    const ids = await createMany(5);
    const first = await list('&pageSize=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, hasMore: true });
    expect(first.body.data.map((p: { id: string }) => p.id)).toEqual([ids[4], ids[3]]);
    expect(first.body.data[0].lesson).toEqual(lesson);
    expect((await list('&pageSize=2&page=3')).body).toMatchObject({ hasMore: false, nextPageToken: null, data: [{ id: ids[0] }] });
  });

  it('walks every play exactly once with nextPageToken even when all share createdAt, in both orders, with plays added between pages', async () => {
    const tied = await createMany(9, alice, false);
    const byId = [...tied].sort();
    const added: string[] = [];
    async function walk(order: 'asc' | 'desc'): Promise<string[]> {
      const seen: string[] = [];
      let token: string | null = null;
      for (let guard = 0; guard < 20; guard += 1) {
        const res = await list(`&pageSize=2&sortOrder=${order}${token ? `&startAfter=${encodeURIComponent(token)}` : ''}`);
        seen.push(...res.body.data.map((p: { id: string }) => p.id));
        if (!res.body.hasMore) return seen;
        token = res.body.nextPageToken;
        if (guard === 0) {
          // A newer play appears mid-walk: a newest-first walk has already passed its place, an oldest-first one reaches it last.
          f.clock.now = new Date(f.clock.now.getTime() + 60_000);
          added.push((await post({ lessonId: LESSON })).body.lessonPlayId);
        }
      }
      throw new Error('the walk did not end');
    }
    expect(await walk('desc')).toEqual([...byId].reverse());
    expect(await walk('asc')).toEqual([...byId, ...added]);
  });

  it('filters by lessonId; a learner sees only their own plays; the instructor reads the whole client', async () => {
    await createMany(4);
    await createMany(1, bob);
    expect((await list('')).body.data).toHaveLength(4);
    expect((await list('', bob)).body.data).toHaveLength(1);
    expect((await list(`&lessonId=${LESSON}`)).body.data).toHaveLength(2);
    expect(await list(`&userId=${BOB}`)).toEqual({ status: 401, body: { error: 'Unauthorized' } });
    const asInstructor = createLocalApi({ ...f.deps, instructor: { require: async () => {} } });
    const res = await asInstructor(new Request(`http://outpost.local/api/lesson-plays?clientId=${TENANT}&userId=${BOB}`, { headers: { authorization: 'Instructor' } }));
    expect((await res.json()).data).toHaveLength(1);
    const all = await asInstructor(new Request(`http://outpost.local/api/lesson-plays?clientId=${TENANT}`, { headers: { authorization: 'Instructor' } }));
    expect((await all.json()).data).toHaveLength(5);
    const refused = createLocalApi({ ...f.deps, instructor: { require: async () => Promise.reject(new Error('no')) } });
    expect((await refused(new Request(`http://outpost.local/api/lesson-plays?clientId=${TENANT}`, { headers: { authorization: 'Instructor' } }))).status).toBe(401);
  });

  it('answers 500 "Client ID not found", 400 for bad paging, sort or cursor (never a 500), 401 without a token', async () => {
    expect(await f.call('GET', '/api/lesson-plays', { token: alice })).toEqual({ status: 500, body: { error: 'Client ID not found' } });
    expect(await f.call('GET', '/api/lesson-plays?clientId=gofa', { token: alice })).toEqual({ status: 500, body: { error: 'Client ID not found' } });
    expect(await list('&pageSize=101')).toEqual({ status: 400, body: { error: 'Invalid pageSize' } });
    expect(await list('&page=0')).toEqual({ status: 400, body: { error: 'Invalid page' } });
    expect(await list('&sortBy=playbackSpeed')).toEqual({ status: 400, body: { error: 'Invalid sortBy' } });
    expect(await list('&sortBy=__proto__')).toEqual({ status: 400, body: { error: 'Invalid sortBy' } });
    expect(await list('&sortOrder=sideways')).toEqual({ status: 400, body: { error: 'Invalid sortOrder' } });
    expect(await list('&sortBy=totalRepCount&startAfter=lots')).toEqual({ status: 400, body: { error: 'Invalid startAfter' } });
    expect(await f.call('GET', `/api/lesson-plays?clientId=${TENANT}`)).toEqual({ status: 401, body: { error: 'Unauthorized' } });
    // The page is read while the client is checked, but the checks still answer first: a wrong client or
    // another learner's plays before a bad cursor, and nothing of the page read.
    await createMany(2);
    expect(await f.call('GET', '/api/lesson-plays?clientId=gofa&startAfter=%5B', { token: alice })).toEqual({ status: 500, body: { error: 'Client ID not found' } });
    expect(await list(`&userId=${ALICE}&startAfter=%5B`, bob)).toEqual({ status: 401, body: { error: 'Unauthorized' } });
    const coach = createLocalApi({ ...f.deps, instructor: { require: async () => {} } });
    const coachList = async (query: string) => {
      const response = await coach(new Request(`http://outpost.local/api/lesson-plays?${query}`, { headers: { authorization: 'Instructor' } }));
      return { status: response.status, body: (await response.json()) as unknown };
    };
    expect(await coachList('clientId=gofa&startAfter=%5B')).toEqual({ status: 500, body: { error: 'Client ID not found' } });
    expect(await coachList(`clientId=${TENANT}&startAfter=%5B`)).toEqual({ status: 400, body: { error: 'Invalid startAfter' } });
    expect(await list('&startAfter=%5B')).toEqual({ status: 400, body: { error: 'Invalid startAfter' } });
    expect((await list()).body.data).toHaveLength(2);
  });

  it('sorts by results (score = averagePoseSimilarity), leaving out plays without one', async () => {
    const ids = await createMany(3);
    await f.call('PUT', `/api/lesson-plays/${ids[0]}/results`, { token: alice, body: { sessions: [{ index: 0, poseSimilarity: 0.4 }] } });
    await f.call('PUT', `/api/lesson-plays/${ids[2]}/results`, { token: alice, body: { sessions: [{ index: 0, poseSimilarity: 0.9 }] } });
    const res = await list('&sortBy=score');
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[0]]);
  });
});

describe('GET, PATCH and PUT results on /api/lesson-plays/:id (local)', () => {
  let id: string;
  beforeEach(async () => {
    id = (await post({ lessonId: LESSON, locale: 'zh-Hant', returnUrl: 'https://school.example/done' })).body.lessonPlayId;
  });

  it('GET returns the play with its lesson; 404 for an unknown id; 401 for someone else', async () => {
    expect(await f.call('GET', `/api/lesson-plays/${id}`, { token: alice })).toMatchObject({ status: 200, body: { data: { id, lesson: { id: LESSON }, locale: 'zh-Hant' } } });
    expect(await f.call('GET', '/api/lesson-plays/nope', { token: alice })).toEqual({ status: 404, body: { error: 'LessonPlay not found' } });
    expect(await f.call('GET', `/api/lesson-plays/${id}`, { token: bob })).toEqual({ status: 401, body: { error: 'Unauthorized' } });
  });

  it('PATCH sets and removes returnUrl, queues it after the create, and refuses other fields', async () => {
    expect(await f.call('PATCH', `/api/lesson-plays/${id}`, { token: alice, body: { returnUrl: 'https://school.example/next' } })).toEqual({ status: 200, body: { success: true, lessonPlayId: id, updatedFields: ['returnUrl'] } });
    expect((await f.db.lessonPlays.get(id))?.returnUrl).toBe('https://school.example/next');
    await f.call('PATCH', `/api/lesson-plays/${id}`, { token: alice, body: { returnUrl: null } });
    expect(await f.db.lessonPlays.get(id)).not.toHaveProperty('returnUrl');
    const ops = await f.db.outbox.orderBy('seq').toArray();
    expect(ops.map((op) => op.kind)).toEqual(['lesson_play.create', 'lesson_play.update', 'lesson_play.update']);
    expect(ops[2]).toMatchObject({ method: 'PATCH', path: `/api/lesson-plays/local:lesson_play:${id}`, body: { returnUrl: null }, depends_on: [ops[0]?.id] });
    expect(await f.call('PATCH', `/api/lesson-plays/${id}`, { token: alice, body: { locale: 'en' } })).toEqual({ status: 400, body: { error: 'No valid fields to update' } });
    expect(await f.call('PATCH', `/api/lesson-plays/${id}`, { token: alice, body: 'null' })).toEqual({ status: 400, body: { error: 'No valid fields to update' } });
    expect(await f.call('PATCH', `/api/lesson-plays/${id}`, { token: alice, body: { returnUrl: 'ftp://x' } })).toEqual({ status: 400, body: { error: 'Invalid returnUrl' } });
    expect(await f.call('PATCH', `/api/lesson-plays/${id}`, { token: bob, body: { returnUrl: null } })).toEqual({ status: 401, body: { error: 'Unauthorized' } });
    expect(await f.call('PATCH', '/api/lesson-plays/nope', { token: alice, body: { returnUrl: null } })).toEqual({ status: 404, body: { error: 'LessonPlay not found' } });
  });

  it('PUT results stores sessions and aggregates, titles sessions from the lesson, and queues the whole result', async () => {
    const res = await f.call('PUT', `/api/lesson-plays/${id}/results`, {
      token: alice,
      body: {
        sessions: [
          { index: 0, grade: 'A', engagementLevel: 0.95, poseSimilarity: 0.9, repCount: 10, targetRepCount: 12, skipped: false },
          { index: 1, grade: 'B', engagementLevel: 0.8, poseSimilarity: 0.85, repCount: 15, targetRepCount: 18, skipped: false },
        ],
        activityTime: 1200,
        caloriesBurned: 100,
        completedAt: '2026-03-02T09:20:00.000Z',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      lessonSessionGradeMap: { '0': 'A', '1': 'B' },
      averageGrade: 'A',
      lessonSessionEngagementLevelMap: { '0': 0.95, '1': 0.8 },
      averageEngagementLevel: 0.875,
      lessonSessionRepCountMap: { '0': 10, '1': 15 },
      totalRepCount: 25,
      totalTargetRepCount: 30,
      lessonSessionSimilarityScoreMap: { '0': 0.9, '1': 0.85 },
      averagePoseSimilarity: 0.875,
      activityTime: 1200,
      completedAt: '2026-03-02T09:20:00.000Z',
      sessions: [{ index: 0, title: { en: 'Warmup', 'zh-Hant': '熱身' } }, { index: 1, title: { 'zh-Hant': '運動' } }],
    });
    const ops = await f.db.outbox.orderBy('seq').toArray();
    expect(ops[1]).toMatchObject({ kind: 'lesson_play.results', method: 'PUT', path: `/api/lesson-plays/local:lesson_play:${id}/results` });
    expect((ops[1]?.body as { sessions: unknown[] }).sessions).toHaveLength(2);
  });

  it('PUT results refuses a rep count without its target, duplicate indexes and unknown fields', async () => {
    for (const sessions of [[{ index: 0, repCount: 3 }], [{ index: 0, targetRepCount: 3 }], [{ index: 0 }, { index: 0 }], [{ index: 0, title: { en: 'x' } }], [{ index: 0, grade: 'A++' }]]) {
      const res = await f.call('PUT', `/api/lesson-plays/${id}/results`, { token: alice, body: { sessions } });
      expect(res.status, JSON.stringify(sessions)).toBe(400);
    }
    expect(await f.db.outbox.count()).toBe(1);
  });
});
