import { MAX_RETRY_AFTER_MS } from '../../../shared/sync/retry-after';

/** A clock that only moves forward (performance.now in the app), so a corrected wall clock moves no retry. */
export type MonotonicClock = () => number;

/**
 * When each operation may be tried again, timed on a monotonic clock. The wall-clock `next_attempt_at`
 * stored in the outbox is only read for operations this process has not timed itself (after a restart),
 * and never trusted for longer than the longest wait sync ever sets: a kiosk whose clock was 48 h ahead
 * and is then corrected does not strand its retries for 48 h.
 */
export class RetryClock {
  readonly #due = new Map<string, number>();

  constructor(
    private readonly monotonic: MonotonicClock,
    private readonly wallNow: () => Date,
  ) {}

  /** How long until the operation may go (0 when due). */
  waitMs(op: { readonly id: string; readonly next_attempt_at: string }): number {
    let due = this.#due.get(op.id);
    if (due === undefined) {
      const stored = Date.parse(op.next_attempt_at) - this.wallNow().getTime();
      const wait = Number.isFinite(stored) ? Math.min(Math.max(0, stored), MAX_RETRY_AFTER_MS) : 0;
      due = this.monotonic() + wait;
      if (wait > 0) this.#due.set(op.id, due);
    }
    return Math.max(0, due - this.monotonic());
  }

  /** The operation waits `delayMs` from now. */
  schedule(id: string, delayMs: number): void {
    this.#due.set(id, this.monotonic() + delayMs);
  }

  /** Due now: delivered, refused, or released by a person. */
  forget(id: string): void {
    this.#due.delete(id);
  }
}

/** The platform's monotonic clock. */
export const performanceClock: MonotonicClock = () => performance.now();
