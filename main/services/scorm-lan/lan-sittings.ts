import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LAN_LIMITS } from '../../../shared/scorm/lan-wire';
import { LanMailbox } from './lan-mailbox';
import type { MailboxLimits } from './lan-mailbox';

/** One learner's run of a dispatched course in a browser on the LAN, as main keeps it. */
export interface LanSitting {
  /** The kiosk session's id (the renderer chose it at launch). */
  readonly sid: string;
  readonly pkg: string;
  /** The learner's key in course tokens (LaunchSigner.learnerKey of the session's learner). */
  readonly uk: string;
  /** What the host page's up/down calls carry as `Authorization: Bearer` (24 random bytes, base64url). */
  readonly secret: string;
  readonly mailbox: LanMailbox;
  lastSeen: number;
}

export type SecretCheck = 'live' | 'closed' | 'unknown';

/** How long a closed sitting's secret is still recognised, so its page learns "closed" instead of "unknown". */
const TOMBSTONE_MS = 10 * 60_000;
const MAX_TOMBSTONES = 512;

const tombstoneKey = (sid: string, secret: string) => createHash('sha256').update(`${sid}\u0000${secret}`).digest('hex');

/**
 * The sittings main serves, keyed by session id, at most `maxSittings`. A closed sitting's mailbox answers
 * its waiting poll `closed: true`; its secret is remembered (hashed, for a while) so later calls with it
 * are told the sitting is over.
 */
export class LanSittings {
  readonly #live = new Map<string, LanSitting>();
  readonly #tombstones = new Map<string, number>();

  constructor(
    private readonly nowMs: () => number,
    private readonly options: { readonly maxSittings?: number; readonly mailbox?: MailboxLimits } = {},
  ) {}

  get size(): number {
    return this.#live.size;
  }

  get(sid: string): LanSitting | null {
    return this.#live.get(sid) ?? null;
  }

  all(): readonly LanSitting[] {
    return [...this.#live.values()];
  }

  /**
   * A new sitting; a live one with the same id is closed first (the kiosk window relaunched that session).
   * Null when the kiosk already runs as many sittings as it may.
   */
  open(sid: string, pkg: string, uk: string): LanSitting | null {
    const existing = this.#live.get(sid);
    if (existing) this.close(sid);
    else if (this.#live.size >= (this.options.maxSittings ?? LAN_LIMITS.maxSittings)) return null;
    const sitting: LanSitting = { sid, pkg, uk, secret: randomBytes(24).toString('base64url'), mailbox: new LanMailbox(this.options.mailbox), lastSeen: this.nowMs() };
    this.#live.set(sid, sitting);
    return sitting;
  }

  /** Whether `offered` is the secret of the live sitting `sid` (constant time), of a closed one, or neither. */
  check(sid: string, offered: string | null): SecretCheck {
    if (!offered) return 'unknown';
    const sitting = this.#live.get(sid);
    if (sitting) {
      const a = Buffer.from(offered);
      const b = Buffer.from(sitting.secret);
      if (a.length === b.length && timingSafeEqual(a, b)) return 'live';
    }
    this.#forgetOld();
    return this.#tombstones.has(tombstoneKey(sid, offered)) ? 'closed' : 'unknown';
  }

  touch(sitting: LanSitting): void {
    sitting.lastSeen = this.nowMs();
  }

  /** Closes a live sitting; false if there is none. */
  close(sid: string): boolean {
    const sitting = this.#live.get(sid);
    if (!sitting) return false;
    this.#live.delete(sid);
    sitting.mailbox.close();
    this.#forgetOld();
    if (this.#tombstones.size >= MAX_TOMBSTONES) this.#tombstones.delete(this.#tombstones.keys().next().value as string);
    this.#tombstones.set(tombstoneKey(sid, sitting.secret), this.nowMs() + TOMBSTONE_MS);
    return true;
  }

  /** Ids of sittings not seen for `idleMs` (their page stopped polling). */
  idle(idleMs: number): string[] {
    const now = this.nowMs();
    return [...this.#live.values()].filter((s) => now - s.lastSeen > idleMs).map((s) => s.sid);
  }

  #forgetOld(): void {
    const now = this.nowMs();
    for (const [key, until] of this.#tombstones) if (until <= now) this.#tombstones.delete(key);
  }
}
