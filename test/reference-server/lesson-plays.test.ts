import { beforeEach, describe, expect, it } from 'vitest';
import { createLessonPlayResponseSchema, getLessonPlayResponseSchema, listLessonPlaysResponseSchema, updateLessonPlayResponseSchema } from '../../shared/schemas/lesson-play';
import { SEED_ALICE, SEED_BOB, SEED_CLIENT, SEED_LESSON } from './catalog-seed';
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
    expect(body.nextPageToken).toBe(body.data[1]?.createdAt);
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

  it('sorts by another field for the whole client, and needs an index to combine that with a filter', async () => {
    await createPlays(3);
    const admin = t.server.tokens.issue('ops', { admin: true });
    const bySpeed = await t.call('GET', `/api/lesson-plays?clientId=${SEED_CLIENT}&sortBy=playbackSpeed&sortOrder=asc`, { headers: { AdminToken: admin } });
    expect(bySpeed.body.data.map((p: { playbackSpeed: number }) => p.playbackSpeed)).toEqual([1, 2, 3]);
    const needsIndex = await list('&sortBy=playbackSpeed');
    expect(needsIndex).toMatchObject({ status: 500, body: { error: 'Firestore index required', details: expect.stringContaining('userId') } });
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
    expect(await list('&pageSize=101')).toMatchObject({ status: 400, body: { error: expect.stringContaining('pageSize') } });
    expect(await t.call('GET', `/api/lesson-plays?clientId=${SEED_CLIENT}`)).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
  });
});
