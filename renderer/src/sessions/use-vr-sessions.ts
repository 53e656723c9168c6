import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { VrSession } from '../../../shared/schemas/vr-session';
import type { ApiErrorResult } from '../local-server/api-result';
import { useServices } from '../ui/services-context';
import { useVrSessionsClient } from './use-vr-sessions-client';
import { learnerSessionsSignal } from '../data/vr-session-queries';

export type VrSessionsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly sessions: readonly VrSession[] }
  | { readonly kind: 'failed'; readonly failure: ApiErrorResult };

/**
 * The signed-in learner's sessions, read through the API (so the UI sees exactly what a remote would
 * send). Dexie's live query only serves as the signal: any write to this learner's sessions, or to the
 * packages they embed, makes it emit again, and that refetches.
 */
export function useVrSessions(learnerId: string): VrSessionsState {
  const { db } = useServices();
  const client = useVrSessionsClient();
  const signal = useLiveQuery(() => learnerSessionsSignal(db, learnerId), [db, learnerId]);
  const [state, setState] = useState<VrSessionsState>({ kind: 'loading' });

  useEffect(() => {
    if (!client || signal === undefined) return;
    let live = true;
    void client.list().then((result) => {
      if (!live) return;
      setState(result.ok ? { kind: 'ready', sessions: result.value.sessions } : { kind: 'failed', failure: result });
    });
    return () => {
      live = false;
    };
  }, [client, signal]);

  return state;
}
