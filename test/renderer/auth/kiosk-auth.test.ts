import { describe, expect, it } from 'vitest';
import { PIN_LOCK_MS, checkToken, signIn, signOut } from '../../../renderer/src/auth/kiosk-auth';
import { hashPin, verifyPin } from '../../../renderer/src/auth/pin-hash';
import { ALICE, createApiFixture } from '../../support/local-api-fixture';

describe('kiosk sign-in', () => {
  it('signs a learner in by picking them, and out again', async () => {
    const f = await createApiFixture();
    const clock = { now: () => f.clock.now };
    const result = await signIn(f.db, ALICE, null, clock);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await checkToken(f.db, result.token, clock)).toEqual({ ok: true, userId: ALICE });
    await signOut(f.db, result.token);
    expect(await checkToken(f.db, result.token, clock)).toEqual({ ok: false });
  });

  it('requires the right PIN when an instructor set one', async () => {
    const f = await createApiFixture();
    const clock = { now: () => f.clock.now };
    await f.db.learners.update(ALICE, { pin: await hashPin('4321', 1000) });
    expect(await signIn(f.db, ALICE, null, clock)).toEqual({ ok: false, reason: 'pin_required' });
    expect(await signIn(f.db, ALICE, '1234', clock)).toEqual({ ok: false, reason: 'wrong_pin' });
    expect((await signIn(f.db, ALICE, '4321', clock)).ok).toBe(true);
    expect(await signIn(f.db, '00000000-0000-4000-8000-00000000dead', null, clock)).toEqual({ ok: false, reason: 'unknown_learner' });
  });

  it('locks a PIN-protected learner for a minute after five wrong PINs, even across reloads', async () => {
    const f = await createApiFixture();
    const clock = { now: () => f.clock.now };
    await f.db.learners.update(ALICE, { pin: await hashPin('4321', 1000) });
    for (let i = 0; i < 4; i++) expect(await signIn(f.db, ALICE, '0000', clock)).toEqual({ ok: false, reason: 'wrong_pin' });
    expect(await signIn(f.db, ALICE, '0000', clock)).toEqual({ ok: false, reason: 'locked' });
    // Even the right PIN waits out the lock; the count lives in the database, not in memory.
    expect(await signIn(f.db, ALICE, '4321', clock)).toEqual({ ok: false, reason: 'locked' });
    f.clock.now = new Date(f.clock.now.getTime() + PIN_LOCK_MS + 1);
    expect((await signIn(f.db, ALICE, '4321', clock)).ok).toBe(true);
    expect(await f.db.learners.get(ALICE)).toMatchObject({ pin_failures: 0, pin_locked_until: null });
  });

  it('salts PIN hashes and refuses PINs that are not 4-8 digits', async () => {
    const a = await hashPin('123456', 1000);
    const b = await hashPin('123456', 1000);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPin('123456', a)).toBe(true);
    expect(await verifyPin('123457', a)).toBe(false);
    await expect(hashPin('12a4')).rejects.toThrow('A PIN is 4 to 8 digits');
    await expect(hashPin('123')).rejects.toThrow();
  });
});
