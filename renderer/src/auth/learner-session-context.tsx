import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { OutpostDb } from '../db/outpost-db';
import { checkToken, signIn as kioskSignIn, signOut as kioskSignOut } from './kiosk-auth';
import type { SignInResult } from './kiosk-auth';
import { clearLearnerSession, loadLearnerSession, saveLearnerSession } from './learner-session-storage';
import type { LearnerSession, SessionStore } from './learner-session-storage';

export type SignInOutcome = { ok: true } | Extract<SignInResult, { ok: false }>;

export interface LearnerSessionValue {
  readonly session: LearnerSession | null;
  signIn(userId: string, pin: string | null): Promise<SignInOutcome>;
  signOut(): Promise<void>;
  /** Drops a session the API stopped accepting, without asking the database (it already said no). */
  forget(): void;
}

const LearnerSessionContext = createContext<LearnerSessionValue | null>(null);

const systemNow = () => new Date();

interface ProviderProps {
  readonly db: OutpostDb;
  readonly store: SessionStore;
  readonly now?: () => Date;
  readonly children: ReactNode;
}

export function LearnerSessionProvider({ db, store, now = systemNow, children }: ProviderProps) {
  const [session, setSession] = useState<LearnerSession | null>(() => loadLearnerSession(store, now()));

  const forget = useCallback(() => {
    clearLearnerSession(store);
    setSession(null);
  }, [store]);

  // A token restored from sessionStorage may have been signed out in another window or wiped with the data.
  const token = session?.token;
  useEffect(() => {
    if (!token) return;
    let live = true;
    void checkToken(db, token, { now }).then((check) => {
      if (live && !check.ok) forget();
    });
    return () => {
      live = false;
    };
  }, [db, token, now, forget]);

  // The kiosk hands itself back to the roster when the sign-in expires, even if nobody touches it.
  const expiresAt = session?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setTimeout(forget, Math.max(0, Date.parse(expiresAt) - now().getTime()));
    return () => clearTimeout(timer);
  }, [expiresAt, now, forget]);

  const signIn = useCallback(
    async (userId: string, pin: string | null): Promise<SignInOutcome> => {
      const result = await kioskSignIn(db, userId, pin, { now });
      if (!result.ok) return result;
      const { id, tenant_id, display_name, role } = result.learner;
      const next: LearnerSession = { token: result.token, expiresAt: result.expiresAt, learner: { id, tenant_id, display_name, role } };
      saveLearnerSession(store, next);
      setSession(next);
      return { ok: true };
    },
    [db, store, now],
  );

  const signOut = useCallback(async () => {
    if (token) await kioskSignOut(db, token);
    forget();
  }, [db, token, forget]);

  const value = useMemo(() => ({ session, signIn, signOut, forget }), [session, signIn, signOut, forget]);
  return <LearnerSessionContext.Provider value={value}>{children}</LearnerSessionContext.Provider>;
}

export function useLearnerSession(): LearnerSessionValue {
  const value = useContext(LearnerSessionContext);
  if (!value) throw new Error('useLearnerSession() outside <LearnerSessionProvider>');
  return value;
}
