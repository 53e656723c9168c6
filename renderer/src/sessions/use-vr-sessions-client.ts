import { useMemo } from 'react';
import { createVrSessionsClient } from '../local-server/vr-sessions-client';
import type { VrSessionsClient } from '../local-server/vr-sessions-client';
import { useServices } from '../ui/services-context';
import { useLearnerSession } from '../auth/learner-session-context';

/** The VR sessions API as the signed-in learner; null when nobody is signed in. */
export function useVrSessionsClient(): VrSessionsClient | null {
  const { api } = useServices();
  const { session, forget } = useLearnerSession();
  const token = session?.token;
  return useMemo(() => (token ? createVrSessionsClient(api, token, { onUnauthorized: forget }) : null), [api, token, forget]);
}
