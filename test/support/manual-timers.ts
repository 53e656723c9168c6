import type { TimerPort } from '../../renderer/src/sync/sync-scheduler';

interface Waiting {
  readonly at: number;
  readonly seq: number;
  readonly callback: () => void;
}

/** Far more firings than any one advance needs: beyond this the code under test is re-arming in a loop. */
const MAX_FIRINGS = 10_000;

/**
 * Timers that fire only when a test moves the clock it shares with the code under test, so a test
 * covers minutes of retries and probes without waiting on real time.
 */
export class ManualTimers implements TimerPort {
  readonly #waiting = new Set<Waiting>();
  #seq = 0;

  constructor(private readonly clock: { now: Date }) {}

  after(delayMs: number, callback: () => void): () => void {
    const timer = { at: this.clock.now.getTime() + Math.max(0, delayMs), seq: this.#seq++, callback };
    this.#waiting.add(timer);
    return () => this.#waiting.delete(timer);
  }

  /** How long each waiting timer has left, soonest first. */
  waiting(): number[] {
    const now = this.clock.now.getTime();
    return [...this.#waiting].map((t) => t.at - now).sort((a, b) => a - b);
  }

  /**
   * Moves the clock forward by `ms`, firing each timer when its time comes; after each one, `settle`
   * lets the work it started finish (and set its next timers) before time moves on. Returns how many fired.
   */
  async advance(ms: number, settle: () => Promise<void>): Promise<number> {
    const end = this.clock.now.getTime() + ms;
    let fired = 0;
    for (let next = this.#soonestBy(end); next; next = this.#soonestBy(end)) {
      if (++fired > MAX_FIRINGS) throw new Error(`Timers kept re-arming: over ${MAX_FIRINGS} fired within ${ms} ms`);
      this.#waiting.delete(next);
      if (next.at > this.clock.now.getTime()) this.clock.now = new Date(next.at);
      next.callback();
      await settle();
    }
    this.clock.now = new Date(end);
    return fired;
  }

  #soonestBy(end: number): Waiting | undefined {
    let soonest: Waiting | undefined;
    for (const t of this.#waiting) {
      if (t.at <= end && (!soonest || t.at < soonest.at || (t.at === soonest.at && t.seq < soonest.seq))) soonest = t;
    }
    return soonest;
  }
}
