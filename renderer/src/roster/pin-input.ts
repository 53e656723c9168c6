import { PIN_PATTERN } from '../data/pin-hash';

export type PinInputError = 'pinFormat';

/** The inline check of the PIN form: the same pattern hashPin enforces. */
export function checkPinInput(pin: string): PinInputError | null {
  return PIN_PATTERN.test(pin) ? null : 'pinFormat';
}
