import { useMemo } from 'react';
import { useServices } from '../ui/services-context';
import { useLearnerSession } from '../auth/learner-session-context';
import { createLessonPlaysClient } from '../local-server/lesson-plays-client';
import type { LessonPlaysClient } from '../local-server/lesson-plays-client';

/** The lesson-plays API as the signed-in learner (their kiosk token is the seed's ID token); null when nobody is. */
export function useLessonPlaysClient(): LessonPlaysClient | null {
  const { api } = useServices();
  const { session, forget } = useLearnerSession();
  const token = session?.token;
  return useMemo(() => (token ? createLessonPlaysClient(api, token, { onUnauthorized: forget }) : null), [api, token, forget]);
}
