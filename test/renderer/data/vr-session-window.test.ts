import { Dexie, liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { OutpostDb } from '../../../renderer/src/db/outpost-db';
import type { VrSessionRow } from '../../../renderer/src/db/rows';
import { learnerSessionWindow, SESSION_PAGE_SIZE } from '../../../renderer/src/data/vr-session-window';

const TENANT = '7e4a0000-0000-4000-8000-000000000001';
const ALICE = '1ea40000-0000-4000-8000-000000000001';
const BOB = '1ea40000-0000-4000-8000-000000000002';
const PKG_A = '9ac00000-0000-4000-8000-000000000001';
const PKG_B = '9ac00000-0000-4000-8000-000000000002';
const GONE = '9ac00000-0000-4000-8000-00000000dead';

const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
const id = (n: number) => `5e550000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function session(n: number, userId: string, packageId = n % 2 ? PKG_A : PKG_B): VrSessionRow {
  return {
    id: id(n),
    package_id: packageId,
    activity_id: null,
    tenant_id: TENANT,
    user_id: userId,
    status: 'completed',
    completion_mode: 'self_report',
    attempts: 1,
    download_started_at: null,
    download_completed_at: null,
    first_launch_at: null,
    completed_at: at(n + 1),
    score: null,
    success_status: null,
    time_spent_seconds: 0,
    self_reported: true,
    created_at: at(n),
  };
}

const opened: OutpostDb[] = [];
async function seeded(aliceSessions: number): Promise<OutpostDb> {
  const name = `window-${opened.length}-${Math.random()}`;
  const db = new OutpostDb(name);
  opened.push(db);
  await db.vrPackages.bulkAdd([
    { id: PKG_A, title: 'Safety VR', version: '1.0.0', target_platforms: ['quest3'] },
    { id: PKG_B, title: 'Lab VR', version: '2.0.0', target_platforms: ['quest3'] },
  ]);
  // Alice's sessions are written oldest last, so the order must come from the index, not insertion.
  const rows = Array.from({ length: aliceSessions }, (_, i) => session(aliceSessions - i, ALICE));
  rows.push(...Array.from({ length: 30 }, (_, i) => session(100_000 + i, BOB)));
  await db.vrSessions.bulkAdd(rows);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('learnerSessionWindow: a learner\'s newest sessions, a page at a time', () => {
  it('reads the newest page first, newest first, and says older ones follow', async () => {
    const db = await seeded(500);
    const page = await learnerSessionWindow(db, ALICE, SESSION_PAGE_SIZE);
    expect(page.items).toHaveLength(SESSION_PAGE_SIZE);
    expect(page.hasMore).toBe(true);
    expect(page.items.map((item) => item.session.created_at)).toEqual(Array.from({ length: 50 }, (_, i) => at(500 - i)));
    expect(page.items.every((item) => item.session.user_id === ALICE)).toBe(true);
    expect(page.items[0]?.pkg?.title).toBe('Lab VR');
    expect(page.items[1]?.pkg?.title).toBe('Safety VR');
  });

  it('widens to the whole history and then says nothing more follows', async () => {
    const db = await seeded(120);
    const wider = await learnerSessionWindow(db, ALICE, 100);
    expect(wider.items).toHaveLength(100);
    expect(wider.hasMore).toBe(true);
    const all = await learnerSessionWindow(db, ALICE, 150);
    expect(all.items).toHaveLength(120);
    expect(all.hasMore).toBe(false);
    expect(all.items.at(-1)?.session.created_at).toBe(at(1));
    // Exactly the learner's count: no extra page is promised.
    expect((await learnerSessionWindow(db, ALICE, 120)).hasMore).toBe(false);
  });

  it('reads nothing of other learners and an empty history as an empty window', async () => {
    const db = await seeded(0);
    expect(await learnerSessionWindow(db, ALICE, 50)).toEqual({ items: [], hasMore: false });
    const bob = await learnerSessionWindow(db, BOB, 50);
    expect(bob.items).toHaveLength(30);
    expect(bob.items.every((item) => item.session.user_id === BOB)).toBe(true);
  });

  it('leaves the package undefined when the library no longer has it', async () => {
    const db = await seeded(0);
    await db.vrSessions.add(session(7, ALICE, GONE));
    const page = await learnerSessionWindow(db, ALICE, 50);
    expect(page.items).toEqual([{ session: expect.objectContaining({ id: id(7) }), pkg: undefined }]);
  });

  it('clamps a size that is not a positive whole number', async () => {
    const db = await seeded(10);
    expect((await learnerSessionWindow(db, ALICE, 0)).items).toHaveLength(1);
    expect((await learnerSessionWindow(db, ALICE, -5)).items).toHaveLength(1);
    expect((await learnerSessionWindow(db, ALICE, 2.9)).items).toHaveLength(2);
    expect((await learnerSessionWindow(db, ALICE, Number.NaN)).items).toHaveLength(10);
  });

  it('as a live query: a new session shows on top, another learner\'s writes do not wake it', async () => {
    const db = await seeded(500);
    const seen: string[][] = [];
    let wake: () => void = () => undefined;
    const subscription = liveQuery(() => learnerSessionWindow(db, ALICE, SESSION_PAGE_SIZE)).subscribe((page) => {
      seen.push(page.items.map((item) => item.session.id));
      wake();
    });
    const next = () => new Promise<void>((done) => (wake = done));
    try {
      await expect.poll(() => seen.length).toBe(1);
      // Bob's new session is outside Alice's index range: no new read.
      await db.vrSessions.add(session(200_000, BOB));
      const arrived = next();
      await db.vrSessions.add(session(9_999, ALICE));
      await arrived;
      expect(seen).toHaveLength(2);
      expect(seen[1]).toHaveLength(SESSION_PAGE_SIZE);
      expect(seen[1]?.[0]).toBe(id(9_999));
      expect(seen[1]?.slice(1)).toEqual(seen[0]?.slice(0, SESSION_PAGE_SIZE - 1));
      // A session in the window changes (completed again with a score): the window shows it.
      const changed = next();
      await db.vrSessions.update(id(500), { score: { raw: 9, max: 10, scaled: 0.9 } });
      await changed;
      expect(seen).toHaveLength(3);
    } finally {
      subscription.unsubscribe();
    }
  });
});
