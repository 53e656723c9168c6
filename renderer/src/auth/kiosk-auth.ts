import type { OutpostDb } from '../db/outpost-db';
import type { LearnerRow } from '../db/rows';
import { sha256Hex, toHex } from '../data/crypto-hex';
import { verifyPin } from '../data/pin-hash';
import { PIN_ATTEMPTS_BEFORE_LOCK, pinLockMs } from './pin-lockout';

export { PIN_ATTEMPTS_BEFORE_LOCK } from './pin-lockout';

/** A kiosk sign-in lasts a school day at most; idle sign-out and signing out end it sooner. */
export const SESSION_TTL_MS = 10 * 60 * 60 * 1000;

export type SignInResult =
  | { ok: true; token: string; learner: LearnerRow; expiresAt: string }
  | { ok: false; reason: 'unknown_learner' | 'pin_required' | 'wrong_pin' | 'locked'; lockedUntil?: string };

export interface AuthClock {
  now(): Date;
}

type Reservation = { kind: 'refused'; result: Extract<SignInResult, { ok: false }> } | { kind: 'open'; learner: LearnerRow } | { kind: 'attempt'; learner: LearnerRow };

function lockedResult(until: string): Extract<SignInResult, { ok: false }> {
  return { ok: false, reason: 'locked', lockedUntil: until };
}

/**
 * Counts the attempt before the slow PIN check, in one read-write transaction (IndexedDB serialises
 * those), so wrong PINs typed at once in several windows are all counted and no more than
 * PIN_ATTEMPTS_BEFORE_LOCK of them are ever checked per lock.
 */
async function reserveAttempt(db: OutpostDb, userId: string, pin: string | null, now: Date): Promise<Reservation> {
  return db.transaction('rw', db.learners, async () => {
    const learner = await db.learners.get(userId);
    if (!learner) return { kind: 'refused', result: { ok: false, reason: 'unknown_learner' } };
    if (!learner.pin) return { kind: 'open', learner };
    const nowIso = now.toISOString();
    if (learner.pin_locked_until && learner.pin_locked_until > nowIso) return { kind: 'refused', result: lockedResult(learner.pin_locked_until) };
    if (pin === null || pin === '') return { kind: 'refused', result: { ok: false, reason: 'pin_required' } };
    // An expired lock is spent: counting starts again, one step further up the ladder.
    const failures = learner.pin_locked_until ? 0 : (learner.pin_failures ?? 0);
    if (failures >= PIN_ATTEMPTS_BEFORE_LOCK) return { kind: 'refused', result: lockedResult(await lock(db, learner, now)) };
    await db.learners.update(learner.id, { pin_failures: failures + 1, pin_locked_until: null });
    return { kind: 'attempt', learner };
  });
}

async function lock(db: OutpostDb, learner: LearnerRow, now: Date): Promise<string> {
  const level = learner.pin_lock_level ?? 0;
  const until = new Date(now.getTime() + pinLockMs(level)).toISOString();
  await db.learners.update(learner.id, { pin_failures: 0, pin_locked_until: until, pin_lock_level: level + 1 });
  return until;
}

/** After a wrong PIN: the attempt is already counted; the last allowed one sets the lock. */
async function afterWrongPin(db: OutpostDb, userId: string, now: Date): Promise<Extract<SignInResult, { ok: false }>> {
  return db.transaction('rw', db.learners, async () => {
    const learner = await db.learners.get(userId);
    if (!learner) return { ok: false, reason: 'unknown_learner' };
    if (learner.pin_locked_until && learner.pin_locked_until > now.toISOString()) return lockedResult(learner.pin_locked_until);
    if ((learner.pin_failures ?? 0) >= PIN_ATTEMPTS_BEFORE_LOCK) return lockedResult(await lock(db, learner, now));
    return { ok: false, reason: 'wrong_pin' };
  });
}

/**
 * A learner signs in by picking themselves from the cached roster (and typing the PIN an instructor set,
 * if any). The result is a Bearer token for the local API; only its hash is stored.
 */
export async function signIn(db: OutpostDb, userId: string, pin: string | null, clock: AuthClock): Promise<SignInResult> {
  const reservation = await reserveAttempt(db, userId, pin, clock.now());
  if (reservation.kind === 'refused') return reservation.result;
  const { learner } = reservation;
  if (reservation.kind === 'attempt') {
    if (!learner.pin || !(await verifyPin(pin ?? '', learner.pin))) return afterWrongPin(db, userId, clock.now());
    await db.learners.update(learner.id, { pin_failures: 0, pin_locked_until: null, pin_lock_level: 0 });
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
