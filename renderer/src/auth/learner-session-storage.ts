import { z } from 'zod';
import { learnerSchema } from '../../../shared/schemas/learner';
import { isoDateTimeSchema } from '../../../shared/schemas/common';

export const LEARNER_SESSION_KEY = 'outpost.learner-session';

/** What the kiosk remembers about who is signed in: never the PIN hash, only what the UI shows. */
export const learnerSessionSchema = z.object({
  token: z.string().regex(/^[0-9a-f]{64}$/),
  expiresAt: isoDateTimeSchema,
  learner: learnerSchema.pick({ id: true, tenant_id: true, display_name: true, role: true }),
});
export type LearnerSession = z.infer<typeof learnerSessionSchema>;
export type SignedInLearner = LearnerSession['learner'];

/** The subset of Web Storage used here, so tests can pass a Map-backed stand-in. */
export type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * sessionStorage survives a reload but not closing the window, which is what a shared kiosk wants. A
 * stored value that is damaged or past its expiry is dropped rather than trusted.
 */
export function loadLearnerSession(store: SessionStore, now: Date): LearnerSession | null {
  const text = store.getItem(LEARNER_SESSION_KEY);
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = null;
  }
  const parsed = learnerSessionSchema.safeParse(raw);
  if (!parsed.success || Date.parse(parsed.data.expiresAt) <= now.getTime()) {
    store.removeItem(LEARNER_SESSION_KEY);
    return null;
  }
  return parsed.data;
}

/** Parsed on the way in too: the schema strips anything extra (a PIN hash riding along on a LearnerRow). */
export function saveLearnerSession(store: SessionStore, session: LearnerSession): void {
  store.setItem(LEARNER_SESSION_KEY, JSON.stringify(learnerSessionSchema.parse(session)));
}

export function clearLearnerSession(store: SessionStore): void {
  store.removeItem(LEARNER_SESSION_KEY);
}
