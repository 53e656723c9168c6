import type { OutpostDb } from '../db/outpost-db';
import type { LearnerRow } from '../db/rows';
import { sha256Hex, toHex } from './crypto-hex';
import { verifyPin } from './pin-hash';

/** Four- to eight-digit PINs fall to guessing unless attempts are limited. */
export const PIN_ATTEMPTS_BEFORE_LOCK = 5;
export const PIN_LOCK_MS = 60_000;

/** A kiosk sign-in lasts a school day at most; signing out ends it sooner. */
export const SESSION_TTL_MS = 10 * 60 * 60 * 1000;

export type SignInResult =
  | { ok: true; token: string; learner: LearnerRow; expiresAt: string }
  | { ok: false; reason: 'unknown_learner' | 'pin_required' | 'wrong_pin' | 'locked' };

export interface AuthClock {
  now(): Date;
}

/**
 * A learner signs in by picking themselves from the cached roster (and typing the PIN an instructor set,
 * if any). The result is a Bearer token for the local API; only its hash is stored.
 */
export async function signIn(db: OutpostDb, userId: string, pin: string | null, clock: AuthClock): Promise<SignInResult> {
  const learner = await db.learners.get(userId);
  if (!learner) return { ok: false, reason: 'unknown_learner' };
  if (learner.pin) {
    const nowIso = clock.now().toISOString();
    if (learner.pin_locked_until && learner.pin_locked_until > nowIso) return { ok: false, reason: 'locked' };
    if (pin === null || pin === '') return { ok: false, reason: 'pin_required' };
    if (!(await verifyPin(pin, learner.pin))) {
      const failures = (learner.pin_failures ?? 0) + 1;
      const locked = failures >= PIN_ATTEMPTS_BEFORE_LOCK;
      await db.learners.update(learner.id, {
        pin_failures: locked ? 0 : failures,
        pin_locked_until: locked ? new Date(clock.now().getTime() + PIN_LOCK_MS).toISOString() : null,
      });
      return { ok: false, reason: locked ? 'locked' : 'wrong_pin' };
    }
    if (learner.pin_failures || learner.pin_locked_until) await db.learners.update(learner.id, { pin_failures: 0, pin_locked_until: null });
  }
  const token = toHex(crypto.getRandomValues(new Uint8Array(32)));
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await db.authSessions.put({ token_hash: await sha256Hex(token), user_id: learner.id, created_at: now.toISOString(), expires_at: expiresAt });
  return { ok: true, token, learner, expiresAt };
}

export async function signOut(db: OutpostDb, token: string): Promise<void> {
  await db.authSessions.delete(await sha256Hex(token));
}

export type TokenCheck = { ok: true; userId: string } | { ok: false };

export async function checkToken(db: OutpostDb, token: string, clock: AuthClock): Promise<TokenCheck> {
  const session = await db.authSessions.get(await sha256Hex(token));
  if (!session || session.expires_at <= clock.now().toISOString()) return { ok: false };
  return { ok: true, userId: session.user_id };
}
