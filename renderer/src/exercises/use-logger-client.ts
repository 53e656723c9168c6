import { useMemo } from 'react';
import { useServices } from '../app/services-context';
import { useLearnerSession } from '../auth/learner-session-context';
import { createLoggerClient } from '../local-server/logger-client';
import type { LoggerClient } from '../local-server/logger-client';

/** The progress-tracking API as the signed-in learner; null when nobody is signed in. */
export function useLoggerClient(): LoggerClient | null {
  const { api } = useServices();
  const { session, forget } = useLearnerSession();
  const token = session?.token;
  return useMemo(() => (token ? createLoggerClient(api, token, { onUnauthorized: forget }) : null), [api, token, forget]);
}
