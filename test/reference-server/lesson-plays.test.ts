import { beforeEach, describe, expect, it } from 'vitest';
import { createLessonPlayResponseSchema, getLessonPlayResponseSchema, listLessonPlaysResponseSchema, updateLessonPlayResponseSchema } from '../../shared/schemas/lesson-play';
import { SEED_ALICE, SEED_BOB, SEED_CLIENT, SEED_LESSON, SEED_TENANT } from './catalog-seed';
import { useTestServer } from './use-test-server';

const t = useTestServer({ startAt: '2026-03-02T09:00:00.000Z' });

const post = (body: unknown, token = t.token) => t.call('POST', '/api/lesson-plays', { token, body });

describe('POST /api/lesson-plays', () => {
  it('creates a play and answers with its id, redirect URL and creation time', async () => {
    const res = await post({ lessonId: SEED_LESSON, userId: SEED_ALICE, locale: 'zh-Hant', returnUrl: 'https://school.example/done', playbackSpeed: 1.25 });
    expect(res.status).toBe(200);
    const body = createLessonPlayResponseSchema.parse(res.body);
    expect(body).toEqual({ lessonPlayId: expect.any(String), redirectUrl: `/move/lesson/play/${body.lessonPlayId}`, createdAt: '2026-03-02T09:00:00.000Z' });
    expect(t.server.inspect.lessonPlays()[0]).toMatchObject({ clientId: SEED_CLIENT, userId: SEED_ALICE, locale: 'zh-Hant', sessions: [], completedAt: null });
  });

  it("files a play without userId under the token's user", async () => {
    await post({ lessonId: SEED_LESSON });
    expect(t.server.inspect.lessonPlays()[0]?.userId).toBe(SEED_ALICE);
  });

  it.each([
    [{ lessonId: SEED_LESSON, email: 'not-an-email' }, 'Invalid email'],
    [{ lessonId: SEED_LESSON, photoURL: 'javascript:alert(1)' }, 'Invalid photoURL'],
    [{ lessonId: SEED_LESSON, returnUrl: 'nope' }, 'Invalid returnUrl'],
    [{ lessonId: SEED_LESSON, locale: 'fr' }, 'Invalid locale'],
    [{ lessonId: SEED_LESSON, userId: SEED_BOB }, 'User ID does not match auth token'],
    [{ lessonId: 'lesson-nope' }, 'Lesson does not exist'],
  ])('answers 400 with the seed message for %j', async (body, error) => {
    expect(await post(body)).toMatchObject({ status: 400, body: { error } });
    expect(t.server.effects().lessonPlays).toBe(0);
  });

  it('answers 400 "User does not exist" for a user outside the client, and 401 without an ID token', async () => {
    const stranger = t.server.tokens.issue('stranger-uid');
    expect(await post({ lessonId: SEED_LESSON }, stranger)).toMatchObject({ status: 400, body: { error: 'User does not exist' } });
    expect(await t.call('POST', '/api/lesson-plays', { body: { lessonId: SEED_LESSON } })).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
    const admin = t.server.tokens.issue('ops', { admin: true });
    const asAdmin = await t.call('POST', '/api/lesson-plays', { headers: { AdminToken: admin }, body: { lessonId: SEED_LESSON } });
    expect(asAdmin.status).toBe(401);
  });
});

describe('GET and PATCH /api/lesson-plays/:id', () => {
  let id: string;
  beforeEach(async () => {
    id = (await post({ lessonId: SEED_LESSON, returnUrl: 'https://school.example/done' })).body.lessonPlayId;
  });

  it('returns the play with its lesson configuration joined in', async () => {
    const res = await t.call('GET', `/api/lesson-plays/${id}`, { token: t.token });
    const { data } = getLessonPlayResponseSchema.parse(res.body);
    expect(data).toMatchObject({ id, lessonId: SEED_LESSON, lesson: { id: SEED_LESSON, title: { en: 'Pure Yoga' } } });
  });

  it("answers 401 for another user's play with an ID token, but an admin token reads it", async () => {
    const bob = t.server.tokens.issue(SEED_BOB);
    expect(await t.call('GET', `/api/lesson-plays/${id}`, { token: bob })).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
    const admin = t.server.tokens.issue('ops', { admin: true });
    expect((await t.call('GET', `/api/lesson-plays/${id}`, { headers: { AdminToken: admin } })).status).toBe(200);
    expect((await t.call('GET', `/api/lesson-plays/${id}`, { headers: { RevokableToken: admin } })).status).toBe(200);
    expect((await t.call('GET', `/api/lesson-plays/${id}`, { headers: { AdminToken: bob } })).status).toBe(401);
  });

  it('answers 404 "LessonPlay not found" for an unknown id', async () => {
    expect(await t.call('GET', '/api/lesson-plays/nope', { token: t.token })).toMatchObject({ status: 404, body: { error: 'LessonPlay not found' } });
    expect(await t.call('PATCH', '/api/lesson-plays/nope', { token: t.token, body: { returnUrl: null } })).toMatchObject({ status: 404 });
  });

  it('PATCH sets and removes returnUrl', async () => {
    const set = await t.call('PATCH', `/api/lesson-plays/${id}`, { token: t.token, body: { returnUrl: 'https://school.example/next' } });
    expect(updateLessonPlayResponseSchema.parse(set.body)).toEqual({ success: true, lessonPlayId: id, updatedFields: ['returnUrl'] });
    expect(t.server.inspect.lessonPlays()[0]?.returnUrl).toBe('https://school.example/next');
    await t.call('PATCH', `/api/lesson-plays/${id}`, { token: t.token, body: { returnUrl: null } });
    expect(t.server.inspect.lessonPlays()[0]).not.toHaveProperty('returnUrl');
  });

  it('PATCH answers the seed messages for bad bodies and 401 for someone else', async () => {
    expect(await t.call('PATCH', `/api/lesson-plays/${id}`, { token: t.token, body: { returnUrl: 'ftp://x' } })).toMatchObject({ status: 400, body: { error: 'Invalid returnUrl' } });
    expect(await t.call('PATCH', `/api/lesson-plays/${id}`, { token: t.token, body: { locale: 'en' } })).toMatchObject({ status: 400, body: { error: 'No valid fields to update' } });
    expect(await t.call('PATCH', `/api/lesson-plays/${id}`, { token: t.server.tokens.issue(SEED_BOB), body: { returnUrl: null } })).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
  });
});

describe('GET /api/lesson-plays', () => {
  async function createPlays(n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      ids.push((await post({ lessonId: SEED_LESSON, playbackSpeed: (i % 3) + 1 })).body.lessonPlayId);
    }
    return ids;
  }
  const list = (query: string, token = t.token) => t.call('GET', `/api/lesson-plays?clientId=${SEED_CLIENT}${query}`, { token });

  it('pages newest first with page/pageSize, hasMore and nextPageToken', async () => {
    // Created in the same millisecond on purpose: createdAt still increases, so no play is lost at a boundary.
    const ids = await createPlays(5);
    const first = await list('&pageSize=2');
    const body = listLessonPlaysResponseSchema.parse(first.body);
    expect(body).toMatchObject({ page: 1, pageSize: 2, hasMore: true });
    expect(body.data.map((p) => p.id)).toEqual([ids[4], ids[3]]);
    expect(body.nextPageToken).toBe(JSON.stringify([body.data[1]?.createdAt, body.data[1]?.id]));
    expect((await list('&pageSize=2&page=3')).body).toMatchObject({ hasMore: false, nextPageToken: null, data: [{ id: ids[0] }] });
    expect(body.data[0]?.lesson?.id).toBe(SEED_LESSON);
  });

  it('walks every play exactly once with the startAfter cursor, in either order', async () => {
    const ids = await createPlays(7);
    for (const order of ['desc', 'asc'] as const) {
      const seen: string[] = [];
      let cursor: unknown = undefined;
      for (let guard = 0; guard < 10; guard += 1) {
        const res = await list(`&pageSize=3&sortOrder=${order}${cursor === undefined ? '' : `&startAfter=${encodeURIComponent(String(cursor))}`}`);
        seen.push(...res.body.data.map((p: { id: string }) => p.id));
        if (!res.body.hasMore) break;
        cursor = res.body.nextPageToken;
      }
      expect(seen).toEqual(order === 'asc' ? ids : [...ids].reverse());
    }
  });

  it('sorts by any supported field with or without filters; an unsupported sortBy or a bad cursor is a 400, never a 500', async () => {
    const ids = await createPlays(3);
    for (const [i, id] of ids.entries()) {
      await t.call('PUT', `/api/lesson-plays/${id}/results`, { token: t.token, body: { sessions: [{ index: 0, grade: 'B', poseSimilarity: [0.5, 0.9, 0.7][i] }] } });
    }
    const admin = t.server.tokens.issue('ops', { admin: true });
    const byScore = await t.call('GET', `/api/lesson-plays?clientId=${SEED_CLIENT}&sortBy=score&sortOrder=asc`, { headers: { AdminToken: admin } });
    expect(byScore.body.data.map((p: { averagePoseSimilarity: number }) => p.averagePoseSimilarity)).toEqual([0.5, 0.7, 0.9]);
    expect((await list(`&sortBy=averagePoseSimilarity&lessonId=${SEED_LESSON}&pageSize=2`)).body).toMatchObject({ hasMore: true, nextPageToken: JSON.stringify([0.7, ids[2]]) });
    expect(await list('&sortBy=playbackSpeed')).toMatchObject({ status: 400, body: { error: 'Invalid sortBy' } });
    expect(await list('&sortBy=score&startAfter=high')).toMatchObject({ status: 400, body: { error: 'Invalid startAfter' } });
    expect(await list('&sortOrder=up')).toMatchObject({ status: 400, body: { error: 'Invalid sortOrder' } });
  });

  it('PUT .../results (Outpost extension) stores sessions with the seed aggregates and titles them from the lesson', async () => {
    const [id] = await createPlays(1);
    const res = await t.call('PUT', `/api/lesson-plays/${id}/results`, {
      token: t.token,
      body: {
        sessions: [
          { index: 1, grade: 'B', engagementLevel: 0.8, poseSimilarity: 0.85, repCount: 15, targetRepCount: 18 },
          { index: 0, grade: 'A', engagementLevel: 0.95, poseSimilarity: 0.9, repCount: 10, targetRepCount: 12 },
        ],
        activityTime: 1200,
        completedAt: '2026-03-02T09:20:00.000Z',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      averageGrade: 'A',
      lessonSessionGradeMap: { '0': 'A', '1': 'B' },
      averageEngagementLevel: 0.875,
      totalRepCount: 25,
      totalTargetRepCount: 30,
      averagePoseSimilarity: 0.875,
      activityTime: 1200,
      completedAt: '2026-03-02T09:20:00.000Z',
      sessions: [{ index: 0, title: { en: 'Warmup' } }, { index: 1, title: { 'zh-Hant': '運動' } }],
    });
    expect(await t.call('PUT', `/api/lesson-plays/${id}/results`, { token: t.token, body: { sessions: [{ index: 0, repCount: 3 }] } })).toMatchObject({ status: 400 });
    expect(await t.call('PUT', `/api/lesson-plays/${id}/results`, { token: t.server.tokens.issue(SEED_BOB), body: { sessions: [] } })).toMatchObject({ status: 401 });
  });

  it('lets a kiosk device token act for the learner it names in X-Outpost-User, and knows the client by its tenant id too', async () => {
    const device = t.server.tokens.issue('kiosk', { admin: true });
    const created = await t.call('POST', '/api/lesson-plays', { token: device, headers: { 'X-Outpost-User': SEED_BOB }, body: { lessonId: SEED_LESSON, userId: SEED_BOB } });
    expect(created.status).toBe(200);
    expect(t.server.inspect.lessonPlays()[0]).toMatchObject({ userId: SEED_BOB, clientId: SEED_CLIENT });
    const listed = await t.call('GET', `/api/lesson-plays?clientId=${SEED_TENANT}`, { token: device, headers: { 'X-Outpost-User': SEED_BOB } });
    expect(listed.body.data).toHaveLength(1);
  });

  it("filters by lessonId; an ID token only ever sees its own user's plays", async () => {
    await createPlays(2);
    const bob = t.server.tokens.issue(SEED_BOB);
    await post({ lessonId: SEED_LESSON }, bob);
    expect((await list('')).body.data).toHaveLength(2);
    expect((await list('', bob)).body.data).toHaveLength(1);
    expect((await list(`&lessonId=${SEED_LESSON}`)).body.data).toHaveLength(2);
    expect((await list('&lessonId=other')).body.data).toHaveLength(0);
    expect(await list(`&userId=${SEED_BOB}`)).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
  });

  it('answers 500 "Client ID not found" for a missing or unknown clientId, 400 for bad paging, 401 without a token', async () => {
    expect(await t.call('GET', '/api/lesson-plays', { token: t.token })).toMatchObject({ status: 500, body: { error: 'Client ID not found' } });
    expect(await t.call('GET', '/api/lesson-plays?clientId=gofa', { token: t.token })).toMatchObject({ status: 500, body: { error: 'Client ID not found' } });
    expect(await list('&pageSize=101')).toMatchObject({ status: 400, body: { error: 'Invalid pageSize' } });
    expect(await t.call('GET', `/api/lesson-plays?clientId=${SEED_CLIENT}`)).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
  });
});
