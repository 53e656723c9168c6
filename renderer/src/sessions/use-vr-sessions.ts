import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { VrSession } from '../../../shared/schemas/vr-session';
import { checkToken } from '../auth/kiosk-auth';
import { useLearnerSession } from '../auth/learner-session-context';
import { learnerSessionWindow, SESSION_PAGE_SIZE } from '../data/vr-session-window';
import type { SessionWindow } from '../data/vr-session-window';
import { failure } from '../local-server/api-result';
import type { ApiErrorResult } from '../local-server/api-result';
import { toApiSession } from '../local-server/vr-session-view';
import { useServices } from '../ui/services-context';

export type VrSessionsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly sessions: readonly VrSession[]; readonly hasMore: boolean }
  | { readonly kind: 'failed'; readonly failure: ApiErrorResult };

export interface VrSessionsView {
  readonly state: VrSessionsState;
  /** Widens the window by one page of older sessions. */
  showMore(): void;
}

type WindowRead = { readonly ok: true; readonly window: SessionWindow } | { readonly ok: false; readonly message: string };

const systemNow = () => new Date();

/**
 * The signed-in learner's newest sessions, a page at a time ("show more" widens the window). A live query
 * watches only the window: one new or changed session is read back as the window's few rows, never the
 * whole history. Each session is shaped exactly as the API's list would send it (toApiSession). The sign-in
 * is checked again whenever the window changes, as the API would on each read, so a learner removed or
 * signed out elsewhere goes back to the roster.
 */
export function useVrSessions(learnerId: string): VrSessionsView {
  const { db } = useServices();
  const { session, forget } = useLearnerSession();
  const [size, setSize] = useState(SESSION_PAGE_SIZE);
  const read = useLiveQuery(
    (): Promise<WindowRead> =>
      learnerSessionWindow(db, learnerId, size).then(
        (window): WindowRead => ({ ok: true, window }),
        (error: unknown): WindowRead => ({ ok: false, message: error instanceof Error ? error.message : String(error) }),
      ),
    [db, learnerId, size],
  );

  const token = session?.token;
  useEffect(() => {
    if (!token || read === undefined) return;
    let live = true;
    void checkToken(db, token, { now: systemNow }).then((check) => {
      if (live && !check.ok) forget();
    });
    return () => {
      live = false;
    };
  }, [db, token, read, forget]);

  const state = useMemo((): VrSessionsState => {
    if (read === undefined) return { kind: 'loading' };
    if (!read.ok) return { kind: 'failed', failure: failure(0, 'UNREACHABLE', read.message) };
    return { kind: 'ready', sessions: read.window.items.map(({ session: row, pkg }) => toApiSession(row, pkg)), hasMore: read.window.hasMore };
  }, [read]);
  const showMore = useCallback(() => setSize((current) => current + SESSION_PAGE_SIZE), []);
  return { state, showMore };
}
