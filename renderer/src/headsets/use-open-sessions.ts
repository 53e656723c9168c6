import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../ui/services-context';
import { openSessionsForPackage } from '../data/vr-session-queries';
import type { OpenSession } from '../data/vr-session-queries';

export type { OpenSession } from '../data/vr-session-queries';

/** Sessions of any learner for one package that a headset could still serve, by learner name. */
export function useOpenSessions(packageId: string | null): readonly OpenSession[] {
  const { db } = useServices();
  const sessions = useLiveQuery(async () => (packageId ? openSessionsForPackage(db, packageId) : []), [db, packageId]);
  return sessions ?? [];
}
