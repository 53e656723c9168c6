import { hashPin, PIN_PATTERN } from '../auth/pin-hash';
import type { OutpostDb } from '../db/outpost-db';

export type PinInputError = 'pinFormat';

/** The inline check of the PIN form: the same pattern hashPin enforces. */
export function checkPinInput(pin: string): PinInputError | null {
  return PIN_PATTERN.test(pin) ? null : 'pinFormat';
}

/** Sets (or with null, clears) a learner's PIN; false when the learner is no longer on the roster. */
export async function setLearnerPin(db: OutpostDb, learnerId: string, pin: string | null): Promise<boolean> {
  const hash = pin === null ? null : await hashPin(pin);
  // updated_at stays: it dates the roster entry the remote sent, and a PIN is this kiosk's own.
  return db.transaction('rw', db.learners, async () => {
    if (!(await db.learners.get(learnerId))) return false;
    await db.learners.update(learnerId, { pin: hash });
    return true;
  });
}
