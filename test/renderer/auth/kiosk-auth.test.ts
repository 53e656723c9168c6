import { describe, expect, it } from 'vitest';
import { checkToken, signIn, signOut } from '../../../renderer/src/auth/kiosk-auth';
import { PIN_LOCK_STEPS_MS, pinLockMs } from '../../../renderer/src/auth/pin-lockout';
import { hashPin, verifyPin } from '../../../renderer/src/data/pin-hash';
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
    const until = new Date(f.clock.now.getTime() + pinLockMs(0)).toISOString();
    expect(await signIn(f.db, ALICE, '0000', clock)).toEqual({ ok: false, reason: 'locked', lockedUntil: until });
    // Even the right PIN waits out the lock; the count lives in the database, not in memory.
    expect(await signIn(f.db, ALICE, '4321', clock)).toEqual({ ok: false, reason: 'locked', lockedUntil: until });
    f.clock.now = new Date(f.clock.now.getTime() + pinLockMs(0) + 1);
    expect((await signIn(f.db, ALICE, '4321', clock)).ok).toBe(true);
    expect(await f.db.learners.get(ALICE)).toMatchObject({ pin_failures: 0, pin_locked_until: null, pin_lock_level: 0 });
  });

  it('makes each lock in a row longer, and a good sign-in starts the ladder again', async () => {
    const f = await createApiFixture();
    const clock = { now: () => f.clock.now };
    await f.db.learners.update(ALICE, { pin: await hashPin('4321', 1000) });
    const locks: number[] = [];
    for (let round = 0; round < PIN_LOCK_STEPS_MS.length + 1; round++) {
      let last = await signIn(f.db, ALICE, '0000', clock);
      for (let i = 1; i < 5; i++) last = await signIn(f.db, ALICE, '0000', clock);
      expect(last.ok).toBe(false);
      if (last.ok || !last.lockedUntil) throw new Error('expected a lock');
      locks.push(Date.parse(last.lockedUntil) - f.clock.now.getTime());
      f.clock.now = new Date(Date.parse(last.lockedUntil) + 1);
    }
    expect(locks).toEqual([...PIN_LOCK_STEPS_MS, PIN_LOCK_STEPS_MS[PIN_LOCK_STEPS_MS.length - 1]]);
    expect((await signIn(f.db, ALICE, '4321', clock)).ok).toBe(true);
    for (let i = 0; i < 5; i++) await signIn(f.db, ALICE, '0000', clock);
    const row = await f.db.learners.get(ALICE);
    expect(Date.parse(row?.pin_locked_until ?? '') - f.clock.now.getTime()).toBe(PIN_LOCK_STEPS_MS[0]);
  });

  it('counts wrong PINs typed at once before checking any, so a burst cannot get more than five guesses', async () => {
    const f = await createApiFixture();
    const clock = { now: () => f.clock.now };
    await f.db.learners.update(ALICE, { pin: await hashPin('4321', 1000) });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(f.db, ALICE, i === 11 ? '4321' : `00${String(i).padStart(2, '0')}`, clock)));
    const reasons = results.map((r) => (r.ok ? 'ok' : r.reason));
    expect(reasons.filter((r) => r === 'wrong_pin').length).toBeLessThanOrEqual(4);
    expect(reasons.filter((r) => r === 'locked').length).toBeGreaterThanOrEqual(7);
    // The right PIN, late in the burst, is refused too: the lock was set before it was checked.
    expect(reasons[11]).toBe('locked');
    expect((await f.db.learners.get(ALICE))?.pin_lock_level).toBe(1);
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
