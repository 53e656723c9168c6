import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LaunchClaims {
  /** Session id. */
  readonly sid: string;
  /** Course (package) id. */
  readonly pkg: string;
  /** The learner's key in the course origin (see course-origin.ts). */
  readonly uk: string;
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
}

const b64 = (buffer: Buffer) => buffer.toString('base64url');

/**
 * Player launch tokens: the claims, HMAC-SHA256 signed with a key that never leaves main. Course content
 * runs in a browser on an origin main serves and could read any token it is handed, but never the key,
 * so it cannot mint a token for another session or learner.
 */
export class LaunchSigner {
  constructor(
    private readonly key: Buffer,
    private readonly now: () => Date,
  ) {}

  sign(claims: Omit<LaunchClaims, 'exp'>, ttlSeconds: number): string {
    const payload = b64(Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(this.now().getTime() / 1000) + ttlSeconds })));
    return `${payload}.${this.#mac(payload)}`;
  }

  /** The claims of a good, unexpired token; null for anything else. */
  verify(token: string | null): LaunchClaims | null {
    if (!token || token.length > 2048) return null;
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.#mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let claims: LaunchClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LaunchClaims;
    } catch {
      return null;
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.now().getTime()) return null;
    return claims;
  }

  /** The learner's part of a course origin: stable per learner, meaningless without the key. */
  learnerKey(learnerId: string): string {
    return createHmac('sha256', this.key).update(`learner:${learnerId}`).digest('hex').slice(0, 16);
  }

  #mac(payload: string): string {
    return b64(createHmac('sha256', this.key).update(`launch:${payload}`).digest());
  }
}
