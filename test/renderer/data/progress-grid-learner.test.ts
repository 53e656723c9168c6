import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { classVrSessions, learnerVrSessions } from '../../../renderer/src/data/progress-grid';
import type { ClassLearner } from '../../../renderer/src/data/progress-grid';
import type { VrSessionRow } from '../../../renderer/src/db/rows';
import { openTestDb } from '../../support/fake-db';
import { ALICE, BOB, SAFETY_PKG, TENANT } from '../../support/local-api-fixture';

const alice: ClassLearner = { id: ALICE, name: 'Alice', tenant_id: TENANT };
const bob: ClassLearner = { id: BOB, name: 'Bob', tenant_id: TENANT };

const session = (n: number, user_id: string): VrSessionRow => ({
  id: `5e550000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  package_id: SAFETY_PKG,
  activity_id: null,
  tenant_id: TENANT,
  user_id,
  status: 'completed',
  completion_mode: 'self_report',
  attempts: n,
  download_started_at: '2026-03-02T08:00:00.000Z',
  download_completed_at: '2026-03-02T08:01:00.000Z',
  first_launch_at: '2026-03-02T08:02:00.000Z',
  completed_at: '2026-03-02T08:12:00.000Z',
  score: { raw: 80, max: 100, scaled: 0.8 },
  success_status: 'passed',
  time_spent_seconds: 600,
  self_reported: true,
  created_at: `2026-03-02T08:${String(n % 60).padStart(2, '0')}:00.000Z`,
  notes: 'kept on the kiosk',
});

describe('the class grid reads each learner\'s records on their own', () => {
  it('keeps only what a cell needs of each VR session, for that learner only', async () => {
    const db = openTestDb();
    await db.vrSessions.bulkAdd([session(1, ALICE), session(2, BOB), session(3, ALICE)]);
    const rows = await learnerVrSessions(db, alice);
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!).sort()).toEqual(['completed_at', 'created_at', 'first_launch_at', 'package_id', 'score', 'status', 'success_status', 'time_spent_seconds', 'user_id']);
    expect(rows.map((r) => r.created_at).sort()).toEqual(['2026-03-02T08:01:00.000Z', '2026-03-02T08:03:00.000Z']);
    expect(rows.every((r) => r.user_id === ALICE && r.package_id === SAFETY_PKG && r.time_spent_seconds === 600)).toBe(true);
    expect(await classVrSessions(db, [alice, bob])).toHaveLength(3);
    expect(await classVrSessions(db, [])).toEqual([]);
  });

  it('a live query over one learner wakes for that learner\'s change only', async () => {
    const db = openTestDb();
    await db.vrSessions.bulkAdd([session(1, ALICE), session(2, BOB)]);
    const seen: number[] = [];
    const subscription = liveQuery(() => learnerVrSessions(db, alice)).subscribe((rows) => seen.push(rows.length));
    try {
      await expect.poll(() => seen).toEqual([1]);
      await db.vrSessions.add(session(3, BOB));
      await db.vrSessions.update(session(2, BOB).id, { time_spent_seconds: 60 });
      await db.vrSessions.add(session(4, ALICE));
      await expect.poll(() => seen).toEqual([1, 2]);
      await db.vrSessions.update(session(1, ALICE).id, { time_spent_seconds: 60 });
      await expect.poll(() => seen).toEqual([1, 2, 2]);
    } finally {
      subscription.unsubscribe();
    }
  });
});
