import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a valid launch token stands for: one app on one headset, reporting for one learner's session. */
export interface LaunchGrant {
  readonly serial: string;
  readonly sessionId: string;
  readonly expiresAt: number;
}

interface Stored extends LaunchGrant {
  readonly hash: Buffer;
}

/** A school day: an experience launched in the morning may still report after lunch. */
export const LAUNCH_TOKEN_TTL_MS = 10 * 60 * 60 * 1000;
/** Far above a cart (one live token per headset); a bound so a loop of launches cannot grow memory. */
const MAX_LIVE_TOKENS = 512;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function hashOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Per-headset, per-session launch tokens. Only the SHA-256 of a token is kept (a dump of main's memory
 * or a log line gives nothing to replay); lookups compare hashes in constant time. Minting for a
 * headset replaces whatever token that headset held, so a relaunch makes the previous one stale.
 */
export class LaunchTokens {
  readonly #live = new Map<string, Stored>();

  constructor(
    private readonly nowMs: () => number,
    private readonly ttlMs = LAUNCH_TOKEN_TTL_MS,
  ) {}

  mint(serial: string, sessionId: string): string {
    this.revokeSerial(serial);
    this.#sweep();
    if (this.#live.size >= MAX_LIVE_TOKENS) this.#live.delete(this.#live.keys().next().value as string);
    const token = randomBytes(32).toString('base64url');
    const hash = hashOf(token);
    this.#live.set(hash.toString('hex'), { serial, sessionId, expiresAt: this.nowMs() + this.ttlMs, hash });
    return token;
  }

  /** The grant a presented token carries, or null (unknown, malformed, expired or revoked). */
  verify(token: string): LaunchGrant | null {
    if (!TOKEN_SHAPE.test(token)) return null;
    const hash = hashOf(token);
    const stored = this.#live.get(hash.toString('hex'));
    if (!stored || !timingSafeEqual(stored.hash, hash)) return null;
    if (stored.expiresAt <= this.nowMs()) {
      this.#live.delete(hash.toString('hex'));
      return null;
    }
    return { serial: stored.serial, sessionId: stored.sessionId, expiresAt: stored.expiresAt };
  }

  revokeSession(sessionId: string): LaunchGrant[] {
    return this.#revokeWhere((g) => g.sessionId === sessionId);
  }

  revokeSerial(serial: string): LaunchGrant[] {
    return this.#revokeWhere((g) => g.serial === serial);
  }

  /** Serials holding a live token: the headsets whose reverse port must be torn down when they leave. */
  serials(): string[] {
    this.#sweep();
    return [...new Set([...this.#live.values()].map((g) => g.serial))];
  }

  #revokeWhere(match: (grant: Stored) => boolean): LaunchGrant[] {
    const revoked: LaunchGrant[] = [];
    for (const [key, grant] of this.#live) {
      if (!match(grant)) continue;
      this.#live.delete(key);
      revoked.push({ serial: grant.serial, sessionId: grant.sessionId, expiresAt: grant.expiresAt });
    }
    return revoked;
  }

  #sweep(): void {
    const now = this.nowMs();
    for (const [key, grant] of this.#live) if (grant.expiresAt <= now) this.#live.delete(key);
  }
}
