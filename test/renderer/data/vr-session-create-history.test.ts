import { describe, expect, it } from 'vitest';
import { undeliveredOperationsBy } from '../../../renderer/src/data/outbox-writer';
import { completeVrSession, createVrSession } from '../../../renderer/src/data/vr-sessions';
import { ALICE, BOB, CHEM_PKG, FIRE_ACTIVITY, SAFETY_PKG, TENANT, createApiFixture } from '../../support/local-api-fixture';

const alice = { id: ALICE, tenant_id: TENANT, display_name: 'Alice Wong' };
const bob = { id: BOB, tenant_id: TENANT, display_name: 'Bob Chen' };
type Fixture = Awaited<ReturnType<typeof createApiFixture>>;

/** One finished attempt; returns its session id and its completion's outbox row. */
async function attempt(f: Fixture, who: typeof alice, packageId: string, activityId: string | null) {
  const created = await createVrSession(f.deps, who, { package_id: packageId, completion_mode: 'self_report', ...(activityId ? { activity_id: activityId } : {}) });
  if (!created.ok || !created.created) throw new Error('not created');
  await completeVrSession(f.deps, who, created.session.id, { score: 50 });
  const complete = (await f.db.outbox.where('entity_id').equals(created.session.id).toArray()).find((op) => op.kind === 'vr_session.complete')!;
  return { id: created.session.id, complete };
}

describe('starting a VR session after earlier attempts (read from indexes, schema v12)', () => {
  it('numbers the attempt per package and activity, and waits for exactly the undelivered completions of those attempts', async () => {
    const f = await createApiFixture();
    const plain = [await attempt(f, alice, SAFETY_PKG, null), await attempt(f, alice, SAFETY_PKG, null), await attempt(f, alice, SAFETY_PKG, null), await attempt(f, alice, SAFETY_PKG, null)];
    const linked = await attempt(f, alice, SAFETY_PKG, FIRE_ACTIVITY);
    const otherPackage = await attempt(f, alice, CHEM_PKG, null);
    const bobs = await attempt(f, bob, SAFETY_PKG, null);
    // Delivered, refused, held and in flight: only the delivered one no longer counts.
    await f.db.outbox.update(plain[0]!.complete.seq!, { status: 'done' });
    await f.db.outbox.update(plain[1]!.complete.seq!, { status: 'dead' });
    await f.db.outbox.update(plain[2]!.complete.seq!, { status: 'held', held_reason: 'local_package' });

    const next = await createVrSession(f.deps, alice, { package_id: SAFETY_PKG, completion_mode: 'self_report' });
    if (!next.ok) throw new Error(next.error);
    expect(next.session.attempts).toBe(5);
    const create = (await f.db.outbox.where('entity_id').equals(next.session.id).toArray())[0]!;
    const expected = [plain[1]!, plain[2]!, plain[3]!].sort((a, b) => (a.id < b.id ? -1 : 1)).map((s) => s.complete.id);
    expect(create.depends_on).toEqual(expected);
    expect(create.depends_on).not.toContain(linked.complete.id);
    expect(create.depends_on).not.toContain(otherPackage.complete.id);
    expect(create.depends_on).not.toContain(bobs.complete.id);

    const withActivity = await createVrSession(f.deps, alice, { package_id: SAFETY_PKG, activity_id: FIRE_ACTIVITY, completion_mode: 'self_report' });
    if (!withActivity.ok) throw new Error(withActivity.error);
    expect(withActivity.session.attempts).toBe(2);
    expect((await f.db.outbox.where('entity_id').equals(withActivity.session.id).first())?.depends_on).toEqual([linked.complete.id]);
    // Each open one is found again, not doubled.
    const again = await createVrSession(f.deps, alice, { package_id: SAFETY_PKG, completion_mode: 'self_report' });
    expect(again.ok && !again.created && again.session.id).toBe(next.session.id);
  });

  it('lists a learner\'s undelivered operations of a kind in recorded order', async () => {
    const f = await createApiFixture();
    const a = await attempt(f, alice, SAFETY_PKG, null);
    const b = await attempt(f, alice, CHEM_PKG, null);
    await attempt(f, bob, SAFETY_PKG, null);
    await f.db.outbox.update(a.complete.seq!, { status: 'done' });
    expect((await undeliveredOperationsBy(f.db, ALICE, 'vr_session.complete')).map((op) => op.id)).toEqual([b.complete.id]);
    expect((await undeliveredOperationsBy(f.db, ALICE, 'vr_session.create')).map((op) => op.entity_id)).toEqual([a.id, b.id]);
  });
});
