import { releaseHeldSteps } from '../data/vr-session-steps';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';
import type { Outcome } from './classify-result';

export type ExtensionSupport = 'unknown' | 'supported' | 'unsupported';

/**
 * Whether the remote implements Outpost's PATCH for the headset steps, found out once per run by sending
 * one held step: delivered means yes (the rest are released), a 404/405/501 means no (it is held again,
 * and the steps stay on the kiosk, visible, never dead letters). A new run asks again, so a remote that
 * gains the endpoint, or an address that changes, is noticed at the next start.
 */
export class StepExtension {
  #support: ExtensionSupport = 'unknown';
  #probing = false;

  constructor(
    private readonly db: OutpostDb,
    private readonly now: () => Date,
  ) {}

  get support(): ExtensionSupport {
    return this.#support;
  }

  /** Before a drain: nothing while unsupported; one step to find out; every held step once supported. */
  async beforeDrain(): Promise<void> {
    if (this.#support === 'unsupported' || this.#probing) return;
    const released = await releaseHeldSteps({ db: this.db, now: this.now }, this.#support === 'supported' ? Number.MAX_SAFE_INTEGER : 1);
    if (this.#support === 'unknown' && released > 0) this.#probing = true;
  }

  async onOutcome(op: OutboxRow, outcome: Outcome): Promise<void> {
    if (op.kind !== 'vr_session.step') return;
    if (outcome.kind === 'unsupported') {
      this.#support = 'unsupported';
      this.#probing = false;
    } else if (outcome.kind === 'done' && this.#support !== 'supported') {
      this.#support = 'supported';
      this.#probing = false;
      // The others go too; the scheduler sees them released and starts the next drain.
      await releaseHeldSteps({ db: this.db, now: this.now }, Number.MAX_SAFE_INTEGER);
    }
  }
}
