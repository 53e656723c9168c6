/** Schedules a callback after a delay and returns how to cancel it (setTimeout in the app, a manual clock in tests). */
export type After = (delayMs: number, callback: () => void) => () => void;

export const systemAfter: After = (delayMs, callback) => {
  const handle = setTimeout(callback, delayMs);
  return () => clearTimeout(handle);
};

export interface IdleTimerOptions {
  readonly timeoutMs: number;
  /** How long before the end the countdown shows. */
  readonly warnMs: number;
  readonly after: After;
  readonly now: () => number;
  /** Called when the countdown starts, and again each second with what is left. */
  readonly onCountdown: (remainingMs: number) => void;
  /** Activity before the end: the countdown goes away. */
  readonly onResume: () => void;
  readonly onExpire: () => void;
}

/**
 * Idle sign-out for a shared kiosk: after `timeoutMs` with no activity the person at the kiosk is signed
 * out, and for the last `warnMs` a countdown gives them the chance to say they are still there. Any
 * activity starts the wait again. Time comes from ports, so tests move it by hand.
 */
export class IdleTimer {
  #deadline = 0;
  #cancel: (() => void) | null = null;
  #counting = false;
  #stopped = true;

  constructor(private readonly options: IdleTimerOptions) {}

  start(): void {
    this.#stopped = false;
    this.activity();
  }

  stop(): void {
    this.#stopped = true;
    this.#cancel?.();
    this.#cancel = null;
    this.#counting = false;
  }

  /** A touch, a key, a scroll, or "I'm still here". */
  activity(): void {
    if (this.#stopped) return;
    this.#deadline = this.options.now() + this.options.timeoutMs;
    if (this.#counting) {
      this.#counting = false;
      this.options.onResume();
    }
    this.#schedule(Math.max(0, this.options.timeoutMs - this.options.warnMs));
  }

  #schedule(delayMs: number): void {
    this.#cancel?.();
    this.#cancel = this.options.after(delayMs, () => this.#tick());
  }

  #tick(): void {
    if (this.#stopped) return;
    const remaining = this.#deadline - this.options.now();
    if (remaining <= 0) {
      this.stop();
      this.options.onExpire();
      return;
    }
    this.#counting = true;
    this.options.onCountdown(remaining);
    // Each tick lands on a whole second of what is left, so the countdown reads 30, 29, 28...
    this.#schedule(remaining % 1000 || 1000);
  }
}
