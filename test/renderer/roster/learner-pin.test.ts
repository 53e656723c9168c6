import { describe, expect, it } from 'vitest';
import { signIn } from '../../../renderer/src/auth/kiosk-auth';
import { checkPinInput, setLearnerPin } from '../../../renderer/src/roster/learner-pin';
import { ALICE, createApiFixture } from '../../support/local-api-fixture';

describe('learner PINs', () => {
  it.each([
    ['1234', null],
    ['12345678', null],
    ['123', 'pinFormat'],
    ['123456789', 'pinFormat'],
    ['12a4', 'pinFormat'],
    ['', 'pinFormat'],
  ])('checks %j inline as %s', (pin, expected) => {
    expect(checkPinInput(pin)).toBe(expected);
  });

  it('sets a PIN that sign-in then requires, and clears it again', async () => {
    const f = await createApiFixture();
    const clock = { now: () => f.clock.now };
    const updatedAt = (await f.db.learners.get(ALICE))?.updated_at;
    expect(await setLearnerPin(f.db, ALICE, '8642')).toBe(true);
    expect(await signIn(f.db, ALICE, null, clock)).toEqual({ ok: false, reason: 'pin_required' });
    expect((await signIn(f.db, ALICE, '8642', clock)).ok).toBe(true);
    expect((await f.db.learners.get(ALICE))?.updated_at).toBe(updatedAt);

    expect(await setLearnerPin(f.db, ALICE, null)).toBe(true);
    expect(await setLearnerPin(f.db, ALICE, null)).toBe(true);
    expect((await signIn(f.db, ALICE, null, clock)).ok).toBe(true);
  });

  it('reports a learner who left the roster', async () => {
    const f = await createApiFixture();
    expect(await setLearnerPin(f.db, '00000000-0000-4000-8000-00000000dead', null)).toBe(false);
  });
});
