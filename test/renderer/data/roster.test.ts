import { describe, expect, it } from 'vitest';
import { signIn } from '../../../renderer/src/auth/kiosk-auth';
import { hashPin } from '../../../renderer/src/data/pin-hash';
import { InstructorRequiredError } from '../../../renderer/src/data/instructor-guard';
import { importRoster, listRoster, removeLearners, setLearnerPin } from '../../../renderer/src/data/roster';
import { checkPinInput } from '../../../renderer/src/roster/pin-input';
import { openTestDb } from '../../support/fake-db';
import { instructorSignedIn, nobodySignedIn, switchableGuard } from '../../support/instructor-guards';
import { ALICE, BOB, TENANT, createApiFixture } from '../../support/local-api-fixture';

const CAROL = 'ca201000-0000-4000-8000-000000000003';
const now = new Date('2026-03-02T08:00:00.000Z');
const portsFor = (db: ReturnType<typeof openTestDb>) => ({ db, now: () => now, newId: () => crypto.randomUUID() });

describe('roster data', () => {
  it('imports: adds new learners and updates known ones, keeping the PINs set on this kiosk', async () => {
    const db = openTestDb();
    const pin = await hashPin('2468', 1000);
    await db.learners.bulkAdd([
      { id: ALICE, tenant_id: TENANT, display_name: 'Alice W.', role: 'learner', pin, updated_at: '2026-01-01T00:00:00.000Z', source: 'remote' },
      { id: BOB, tenant_id: TENANT, display_name: 'Bob Chen', role: 'learner', pin: null, updated_at: '2026-01-01T00:00:00.000Z' },
    ]);
    const roster = { tenant_id: TENANT, learners: [{ id: ALICE, display_name: 'Alice Wong', role: 'learner' as const }, { id: CAROL, display_name: '陳小明', role: 'instructor' as const }] };
    expect(await importRoster(portsFor(db), instructorSignedIn(), roster)).toBe(2);
    expect(await db.learners.get(ALICE)).toEqual({ id: ALICE, tenant_id: TENANT, display_name: 'Alice Wong', role: 'learner', pin, updated_at: now.toISOString(), source: 'remote' });
    expect(await db.learners.get(CAROL)).toEqual({ id: CAROL, tenant_id: TENANT, display_name: '陳小明', role: 'instructor', pin: null, updated_at: now.toISOString(), source: 'local' });
    // Learners missing from the file stay: a partial list must not lock anyone out mid-lesson.
    expect((await db.learners.get(BOB))?.display_name).toBe('Bob Chen');
  });

  it('refuses every instructor action when no instructor is signed in, and writes nothing', async () => {
    const db = openTestDb();
    const ports = portsFor(db);
    await db.learners.add({ id: ALICE, tenant_id: TENANT, display_name: 'Alice', role: 'learner', pin: null, updated_at: now.toISOString() });
    const guard = nobodySignedIn();
    const roster = { tenant_id: TENANT, learners: [{ id: CAROL, display_name: 'Carol', role: 'learner' as const }] };
    await expect(importRoster(ports, guard, roster)).rejects.toBeInstanceOf(InstructorRequiredError);
    await expect(setLearnerPin(ports, guard, ALICE, '1234')).rejects.toBeInstanceOf(InstructorRequiredError);
    await expect(removeLearners(ports, guard, [ALICE])).rejects.toBeInstanceOf(InstructorRequiredError);
    expect(await db.learners.toArray()).toEqual([expect.objectContaining({ id: ALICE, pin: null })]);
  });

  it('asks main each time: an instructor who signed out can no longer act', async () => {
    const db = openTestDb();
    await db.learners.add({ id: ALICE, tenant_id: TENANT, display_name: 'Alice', role: 'learner', pin: null, updated_at: now.toISOString() });
    const guard = switchableGuard(true);
    expect(await setLearnerPin(portsFor(db), guard, ALICE, '1234')).toBe(true);
    guard.signedIn = false;
    await expect(setLearnerPin(portsFor(db), guard, ALICE, null)).rejects.toBeInstanceOf(InstructorRequiredError);
    expect(guard.asked).toBe(2);
  });

  it('sets a PIN that sign-in then requires, clears it again, and resets a lockout (a forgotten PIN)', async () => {
    const f = await createApiFixture();
    const ports = portsFor(f.db);
    const clock = { now: () => f.clock.now };
    expect(await setLearnerPin(ports, instructorSignedIn(), ALICE, '8642')).toBe(true);
    expect(await signIn(f.db, ALICE, null, clock)).toEqual({ ok: false, reason: 'pin_required' });
    for (let i = 0; i < 5; i++) await signIn(f.db, ALICE, '0000', clock);
    expect((await signIn(f.db, ALICE, '8642', clock)).ok).toBe(false);
    expect(await setLearnerPin(ports, instructorSignedIn(), ALICE, '1357')).toBe(true);
    expect((await signIn(f.db, ALICE, '1357', clock)).ok).toBe(true);
    expect(await setLearnerPin(ports, instructorSignedIn(), ALICE, null)).toBe(true);
    expect((await signIn(f.db, ALICE, null, clock)).ok).toBe(true);
    expect(await setLearnerPin(ports, instructorSignedIn(), '00000000-0000-4000-8000-00000000dead', null)).toBe(false);
  });

  it('removes learners and ends their sign-ins, and the roster list never carries PIN hashes', async () => {
    const f = await createApiFixture();
    const ports = portsFor(f.db);
    await setLearnerPin(ports, instructorSignedIn(), ALICE, '8642');
    const entries = await listRoster(ports);
    expect(entries.find((e) => e.id === ALICE)).toEqual({ id: ALICE, tenant_id: TENANT, display_name: 'Alice Wong', role: 'learner', has_pin: true, source: 'local', locked_until: null });
    expect(JSON.stringify(entries)).not.toContain('salt');
    const token = await f.token(BOB);
    expect(await removeLearners(ports, instructorSignedIn(), [BOB, CAROL])).toBe(1);
    expect(await f.db.authSessions.where('user_id').equals(BOB).count()).toBe(0);
    expect((await f.call('GET', '/api/vr-sessions', { token })).status).toBe(401);
  });

  it.each([
    ['1234', null],
    ['12345678', null],
    ['123', 'pinFormat'],
    ['123456789', 'pinFormat'],
    ['12a4', 'pinFormat'],
    ['', 'pinFormat'],
  ])('checks the PIN %j inline as %s', (pin, expected) => {
    expect(checkPinInput(pin)).toBe(expected);
  });
});
