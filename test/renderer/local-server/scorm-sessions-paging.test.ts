import { describe, expect, it } from 'vitest';
import { scormSessionSchema } from '../../../shared/schemas/scorm-session';
import type { InstructorGuard } from '../../../renderer/src/data/instructor-guard';
import type { ScormSessionLocalRow } from '../../../renderer/src/db/schema-v7';
import { ALICE, BOB, createApiFixture } from '../../support/local-api-fixture';
import type { ApiFixture } from '../../support/local-api-fixture';
import { scormSessionRow as row } from '../../support/session-rows';

const COURSE_A = 'pkg-0123456789abcdef01234567';
const COURSE_B = 'pkg-89abcdef0123456789abcdef';
const OTHER_TENANT = '9e9e9e9e-1d2a-4c8b-9e6f-3a2b1c0d9e8f';

/** 77 of Alice's sessions over two courses, changed in runs of three in the same millisecond; 30 of Bob's; 5 of another tenant. */
async function seed(f: ApiFixture): Promise<{ alice: ScormSessionLocalRow[]; bob: ScormSessionLocalRow[] }> {
  const at = (minutes: number) => new Date(Date.UTC(2025, 0, 2) + minutes * 60_000).toISOString();
  const alice = Array.from({ length: 77 }, (_, i) => row(ALICE, i, at(Math.floor(i / 3)), i % 4 === 0 ? COURSE_B : COURSE_A));
  const bob = Array.from({ length: 30 }, (_, i) => row(BOB, 100 + i, at(i * 2), COURSE_A));
  const stranger = Array.from({ length: 5 }, (_, i) => row('someone-else', 200 + i, at(i), COURSE_A, OTHER_TENANT));
  const all = [...alice, ...bob, ...stranger];
  await f.db.scormSessions.bulkAdd([...all].reverse());
  return { alice, bob };
}

const pageOrder = (rows: readonly ScormSessionLocalRow[]) => [...rows].sort((a, b) => (a.updated_at !== b.updated_at ? (a.updated_at < b.updated_at ? 1 : -1) : a.id < b.id ? 1 : -1)).map((r) => r.id);

async function pageAll(f: ApiFixture, headers: { token?: string; headers?: Record<string, string> }, limit: number, filter = ''): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const res = await f.call('GET', `/api/v1/sessions?limit=${limit}${filter}${cursor ? `&cursor=${cursor}` : ''}`, headers);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['sessions', 'next_cursor']);
    for (const s of res.body.sessions) expect(scormSessionSchema.safeParse(s).success).toBe(true);
    ids.push(...res.body.sessions.map((s: { id: string }) => s.id));
    cursor = res.body.next_cursor;
    if (cursor === null) return ids;
    expect(res.body.sessions).toHaveLength(limit);
    expect(pages).toBeLessThan(200);
  }
}

describe('GET /api/v1/sessions?limit=&cursor= (Outpost extension)', () => {
  it('without limit answers the seed list unchanged (no next_cursor, cursor ignored)', async () => {
    const f = await createApiFixture();
    await seed(f);
    const token = await f.token(ALICE);
    const request = (path: string) => f.api(new Request(`http://outpost.local${path}`, { headers: { authorization: `Bearer ${token}` } })).then((r) => r.text());
    const plain = await request('/api/v1/sessions');
    expect(Object.keys(JSON.parse(plain))).toEqual(['sessions']);
    expect(JSON.parse(plain).sessions).toHaveLength(77);
    expect(await request('/api/v1/sessions?cursor=whatever')).toBe(plain);
  });

  it("pages through a learner's sessions exactly once, newest change first, ties by id", async () => {
    const f = await createApiFixture();
    const { alice } = await seed(f);
    const token = await f.token(ALICE);
    for (const limit of [1, 5, 9, 77, 500]) expect(await pageAll(f, { token }, limit)).toEqual(pageOrder(alice));
    expect(await pageAll(f, { token }, 4, `&package_id=${COURSE_B}`)).toEqual(pageOrder(alice.filter((r) => r.package_id === COURSE_B)));
    // Someone else's list is empty for a learner, paged or not.
    expect((await f.call('GET', `/api/v1/sessions?limit=5&user_id=${BOB}`, { token })).body).toEqual({ sessions: [], next_cursor: null });
  });

  it("pages the instructor's list of every known tenant's sessions exactly once", async () => {
    const f = await createApiFixture({ instructor: { require: async () => undefined } as unknown as InstructorGuard });
    const { alice, bob } = await seed(f);
    const headers = { headers: { authorization: 'Instructor' } };
    expect(await pageAll(f, headers, 8)).toEqual(pageOrder([...alice, ...bob]));
    expect(await pageAll(f, headers, 8, `&user_id=${BOB}`)).toEqual(pageOrder(bob));
    expect(await pageAll(f, headers, 6, `&package_id=${COURSE_A}`)).toEqual(pageOrder([...alice, ...bob].filter((r) => r.package_id === COURSE_A)));
  });

  it('answers 400 VALIDATION_ERROR for a bad limit or cursor', async () => {
    const f = await createApiFixture();
    await seed(f);
    const token = await f.token(ALICE);
    for (const limit of ['0', '501', 'x', '2.5']) {
      const res = await f.call('GET', `/api/v1/sessions?limit=${limit}`, { token });
      expect(res).toEqual({ status: 400, body: { error: 'Invalid query parameters', code: 'VALIDATION_ERROR', details: [expect.objectContaining({ path: 'limit' })] } });
    }
    for (const cursor of ['%%%', 'bm90IGpzb24', 'A'.repeat(300)]) {
      const res = await f.call('GET', `/api/v1/sessions?limit=5&cursor=${encodeURIComponent(cursor)}`, { token });
      expect(res).toEqual({ status: 400, body: { error: 'Invalid query parameters', code: 'VALIDATION_ERROR', details: [expect.objectContaining({ path: 'cursor' })] } });
    }
  });
});
