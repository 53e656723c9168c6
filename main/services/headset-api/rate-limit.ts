/**
 * A token bucket per key (a launch token's session, or the peer for unauthenticated noise): a buggy
 * experience calling in a tight loop is slowed to `perSecond` with bursts of `burst`, and cannot fill
 * the renderer's queue. Keys are bounded; the oldest is forgotten first.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly nowMs: () => number,
    private readonly perSecond = 5,
    private readonly burst = 10,
    private readonly maxKeys = 1024,
  ) {}

  /** True when the call may go on; false: answer 429 with Retry-After. */
  take(key: string): boolean {
    const now = this.nowMs();
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.#buckets.delete(key);
    if (this.#buckets.size >= this.maxKeys) this.#buckets.delete(this.#buckets.keys().next().value as string);
    this.#buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
