import { describe, expect, it } from 'vitest';
import { addManualPackage } from '../../../renderer/src/data/vr-packages';
import { completeVrSession, createVrSession, markDownloaded } from '../../../renderer/src/data/vr-sessions';
import { ALICE, BOB, SAFETY_PKG, TENANT, createApiFixture } from '../../support/local-api-fixture';
import { instructorSignedIn } from '../../support/instructor-guards';

const alice = { id: ALICE, tenant_id: TENANT, display_name: 'Alice Wong' };
const bob = { id: BOB, tenant_id: TENANT, display_name: 'Bob Chen' };

describe('createVrSession', () => {
  it('creates once and returns the open session after that, with one create queued', async () => {
    const f = await createApiFixture();
    const first = await createVrSession(f.deps, alice, { package_id: SAFETY_PKG, completion_mode: 'self_report' });
    const again = await createVrSession(f.deps, alice, { package_id: SAFETY_PKG, completion_mode: 'self_report' });
    expect(first).toMatchObject({ ok: true, created: true, session: { status: 'downloading', attempts: 1, user_id: ALICE, package_id: SAFETY_PKG } });
    expect(again).toMatchObject({ ok: true, created: false });
    expect(again.ok && first.ok && again.session.id === first.session.id).toBe(true);
    expect(await f.db.outbox.toArray()).toEqual([expect.objectContaining({ kind: 'vr_session.create', status: 'pending', held_reason: null, body: { package_id: SAFETY_PKG, completion_mode: 'self_report' } })]);
  });

  it('answers an unknown package as a value and writes nothing', async () => {
    const f = await createApiFixture();
    expect(await createVrSession(f.deps, alice, { package_id: '00000000-0000-4000-8000-00000000beef', completion_mode: 'self_report' })).toEqual({ ok: false, error: 'PACKAGE_NOT_FOUND' });
    expect(await f.db.vrSessions.count()).toBe(0);
    expect(await f.db.outbox.count()).toBe(0);
  });

  it('holds the create, complete and statement of a session of a local package', async () => {
    const f = await createApiFixture();
    const local = await addManualPackage(f.deps, instructorSignedIn(), { title: 'Museum Tour', version: '3', target_platforms: ['quest3'] });
    const created = await createVrSession(f.deps, alice, { package_id: local.id, completion_mode: 'self_report' });
    if (!created.ok) throw new Error(created.error);
    expect(await completeVrSession(f.deps, alice, created.session.id, { score: 90 })).toMatchObject({ ok: true, session: { status: 'completed' } });
    const ops = await f.db.outbox.orderBy('seq').toArray();
    expect(ops.map((op) => `${op.kind}:${op.status}:${op.held_reason}`)).toEqual(['vr_session.create:held:local_package', 'vr_session.complete:held:local_package', 'xapi.statement:held:local_package']);
  });
});

describe('completeVrSession', () => {
  it('refuses another learner\'s session, a completed one, writing nothing for the refusal', async () => {
    const f = await createApiFixture();
    const created = await createVrSession(f.deps, alice, { package_id: SAFETY_PKG, completion_mode: 'self_report' });
    if (!created.ok) throw new Error(created.error);
    expect(await completeVrSession(f.deps, bob, created.session.id, {})).toEqual({ ok: false, error: 'SESSION_NOT_FOUND', message: 'VR session not found' });
    expect(await f.db.outbox.count()).toBe(1);
    await completeVrSession(f.deps, alice, created.session.id, {});
    expect(await completeVrSession(f.deps, alice, created.session.id, {})).toEqual({ ok: false, error: 'ALREADY_COMPLETED', message: 'Session is already completed' });
    expect(await f.db.outbox.count()).toBe(3);
  });

  it('depends on the create only, never on a held step queued before it', async () => {
    const f = await createApiFixture();
    const created = await createVrSession(f.deps, alice, { package_id: SAFETY_PKG, completion_mode: 'self_report' });
    if (!created.ok) throw new Error(created.error);
    await markDownloaded(f.deps, created.session.id, new Date('2026-03-02T09:05:00Z'));
    await completeVrSession(f.deps, alice, created.session.id, { time_spent_minutes: 20 });
    const [create, step, complete, statement] = await f.db.outbox.orderBy('seq').toArray();
    expect(step).toMatchObject({ kind: 'vr_session.step', status: 'held' });
    expect(complete).toMatchObject({ kind: 'vr_session.complete', status: 'pending', depends_on: [create!.id] });
    expect(statement).toMatchObject({ kind: 'xapi.statement', status: 'pending', depends_on: [complete!.id] });
  });
});
