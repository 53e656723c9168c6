import { describe, expect, it } from 'vitest';
import { vrSessionSchema } from '../../../shared/schemas/vr-session';
import type { VrSessionRow } from '../../../renderer/src/db/rows';
import { vrSessionRow as row } from '../../support/session-rows';
import { encodeSessionCursor } from '../../../renderer/src/local-server/session-cursor';
import { ALICE, BOB, CHEM_PKG, FIRE_ACTIVITY, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import type { ApiFixture } from '../../support/local-api-fixture';


/**
 * 103 sessions of Alice over two packages and an activity, with runs of up to four started in the same
 * millisecond (so pages end inside a tie), written in shuffled order; and 40 of Bob's between them.
 */
async function seed(f: ApiFixture): Promise<VrSessionRow[]> {
  const rows: VrSessionRow[] = [];
  for (let n = 1; n <= 103; n += 1) {
    const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(n / 4) * 60_000).toISOString();
    rows.push(row(ALICE, n, at, n % 3 === 0 ? CHEM_PKG : SAFETY_PKG, n % 5 === 0 ? FIRE_ACTIVITY : null));
  }
  const bob = Array.from({ length: 40 }, (_, i) => row(BOB, 1000 + i, new Date(Date.UTC(2025, 0, 1) + i * 90_000).toISOString(), SAFETY_PKG, null));
  const shuffled = [...rows, ...bob].map((r, i) => ({ r, k: (i * 7919) % 143 })).sort((a, b) => a.k - b.k).map(({ r }) => r);
  await f.db.vrSessions.bulkAdd(shuffled);
  return rows;
}

async function raw(f: ApiFixture, path: string, token: string): Promise<{ status: number; text: string }> {
  const response = await f.api(new Request(`http://outpost.local${path}`, { headers: { authorization: `Bearer ${token}` } }));
  return { status: response.status, text: await response.text() };
}

/** Pages through the list with `limit`, returning each page's ids and checking the page sizes. */
async function pageAll(f: ApiFixture, token: string, limit: number, filter = ''): Promise<{ ids: string[]; times: string[]; pages: number }> {
  const ids: string[] = [];
  const times: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await f.call('GET', `/api/vr-sessions?limit=${limit}${filter}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['sessions', 'next_cursor']);
    const sessions = res.body.sessions as Array<{ id: string; created_at: string }>;
    for (const s of sessions) expect(vrSessionSchema.safeParse(s).success).toBe(true);
    cursor = res.body.next_cursor as string | null;
    if (cursor !== null) expect(sessions).toHaveLength(limit);
    else expect(sessions.length).toBeLessThanOrEqual(limit);
    ids.push(...sessions.map((s) => s.id));
    times.push(...sessions.map((s) => s.created_at));
    pages += 1;
    expect(pages).toBeLessThan(200);
  } while (cursor !== null);
  return { ids, times, pages };
}

/** Newest first; sessions of the same millisecond by id, larger first. */
const pageOrder = (rows: readonly VrSessionRow[]) => [...rows].sort((a, b) => (a.created_at !== b.created_at ? (a.created_at < b.created_at ? 1 : -1) : a.id < b.id ? 1 : -1)).map((r) => r.id);

describe('GET /api/vr-sessions?limit=&cursor= (Outpost extension)', () => {
  it('without limit answers exactly the seed list: the same bytes as before, cursor ignored, no next_cursor', async () => {
    const f = await createApiFixture();
    await seed(f);
    const token = await f.token(ALICE);
    const plain = await raw(f, '/api/vr-sessions', token);
    expect(plain.status).toBe(200);
    const body = JSON.parse(plain.text) as { sessions: Array<{ id: string }> };
    expect(Object.keys(body)).toEqual(['sessions']);
    expect(body.sessions).toHaveLength(103);
    expect((await raw(f, '/api/vr-sessions?cursor=anything', token)).text).toBe(plain.text);
    const filtered = await raw(f, `/api/vr-sessions?package_id=${CHEM_PKG}`, token);
    expect(JSON.parse(filtered.text)).toEqual({ sessions: body.sessions.filter((s) => (s as { package_id?: string }).package_id === CHEM_PKG) });
  });

  it('pages through every session exactly once, newest first, ties by id, with any page size', async () => {
    const f = await createApiFixture();
    const alice = await seed(f);
    const token = await f.token(ALICE);
    for (const limit of [1, 4, 7, 50, 103, 500]) {
      const { ids, pages } = await pageAll(f, token, limit);
      expect(ids).toEqual(pageOrder(alice));
      expect(new Set(ids).size).toBe(103);
      expect(pages).toBe(Math.max(1, Math.ceil(103 / limit)));
    }
    // The same sessions as the seed's unpaged list (which orders ties its own way).
    const unpaged = (await f.call('GET', '/api/vr-sessions', { token })).body.sessions.map((s: { id: string }) => s.id);
    expect([...(await pageAll(f, token, 10)).ids].sort()).toEqual([...unpaged].sort());
  });

  it('pages a filtered list the same way', async () => {
    const f = await createApiFixture();
    const alice = await seed(f);
    const token = await f.token(ALICE);
    const chem = await pageAll(f, token, 6, `&package_id=${CHEM_PKG}`);
    expect(chem.ids).toEqual(pageOrder(alice.filter((r) => r.package_id === CHEM_PKG)));
    const fire = await pageAll(f, token, 5, `&activity_id=${FIRE_ACTIVITY}`);
    expect(fire.ids).toEqual(pageOrder(alice.filter((r) => r.activity_id === FIRE_ACTIVITY)));
    const both = await pageAll(f, token, 2, `&package_id=${SAFETY_PKG}&activity_id=${FIRE_ACTIVITY}`);
    expect(both.ids).toEqual(pageOrder(alice.filter((r) => r.activity_id === FIRE_ACTIVITY && r.package_id === SAFETY_PKG)));
  });

  it('a newer session added between pages is not shown later; older pages are unchanged', async () => {
    const f = await createApiFixture();
    const alice = await seed(f);
    const token = await f.token(ALICE);
    const first = await f.call('GET', '/api/vr-sessions?limit=10', { token });
    await f.db.vrSessions.add(row(ALICE, 999, '2026-01-01T00:00:00.000Z', SAFETY_PKG, null));
    const second = await f.call('GET', `/api/vr-sessions?limit=10&cursor=${first.body.next_cursor}`, { token });
    expect(second.body.sessions.map((s: { id: string }) => s.id)).toEqual(pageOrder(alice).slice(10, 20));
  });

  it('shows only the caller’s own sessions, whatever the cursor', async () => {
    const f = await createApiFixture();
    await seed(f);
    const bob = await f.token(BOB);
    const { ids } = await pageAll(f, bob, 9);
    expect(ids).toHaveLength(40);
    const fromAlicesTime = encodeSessionCursor({ at: '2025-01-01T00:30:00.000Z', id: '5e550000-0000-4000-8000-000000000050' });
    const res = await f.call('GET', `/api/vr-sessions?limit=500&cursor=${fromAlicesTime}`, { token: bob });
    expect(res.body.sessions.every((s: { user_id: string; created_at: string }) => s.user_id === BOB && s.created_at <= '2025-01-01T00:30:00.000Z')).toBe(true);
    // Bob's sessions 0..19 start before 00:30; his session 20 starts at 00:30 itself with a larger id than
    // the cursor's, so it comes before the cursor's position and is not listed after it.
    expect(res.body.sessions).toHaveLength(20);
  });

  it('answers 400 VALIDATION_ERROR in the seed’s error shape for a bad limit or cursor, and writes nothing', async () => {
    const f = await createApiFixture();
    await seed(f);
    const token = await f.token(ALICE);
    const before = await f.db.outbox.count();
    for (const limit of ['0', '501', '-1', '1.5', '1e2', 'ten', '', ' 5', '99999999']) {
      const res = await f.call('GET', `/api/vr-sessions?limit=${encodeURIComponent(limit)}`, { token });
      expect(res.status, `limit=${limit}`).toBe(400);
      expect(res.body).toEqual({ error: 'Invalid query parameters', code: 'VALIDATION_ERROR', details: [expect.objectContaining({ path: 'limit' })] });
    }
    const notJson = btoa('not json').replace(/=+$/, '');
    const wrongShape = btoa(JSON.stringify([1, 2])).replace(/=+$/, '');
    const emptyId = btoa(JSON.stringify(['2025-01-01T00:00:00.000Z', ''])).replace(/=+$/, '');
    for (const cursor of ['', '!!!', 'a+b/c', notJson, wrongShape, emptyId, 'A'.repeat(257), encodeSessionCursor({ at: 'x'.repeat(65), id: 'y' })]) {
      const res = await f.call('GET', `/api/vr-sessions?limit=5&cursor=${encodeURIComponent(cursor)}`, { token });
      expect(res.status, `cursor=${cursor.slice(0, 20)}`).toBe(400);
      expect(res.body).toEqual({ error: 'Invalid query parameters', code: 'VALIDATION_ERROR', details: [expect.objectContaining({ path: 'cursor' })] });
    }
    expect(await f.db.outbox.count()).toBe(before);
  });

  it('still needs a signed-in learner', async () => {
    const f = await createApiFixture();
    const res = await f.call('GET', '/api/vr-sessions?limit=5');
    expect(res.status).toBe(401);
  });
});
