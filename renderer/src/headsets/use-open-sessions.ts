import { useLiveQuery } from 'dexie-react-hooks';
import type { VrSessionStatus } from '../../../shared/schemas/vr-session';
import { useServices } from '../app/services-context';

export interface OpenSession {
  readonly id: string;
  readonly learnerName: string;
  readonly status: VrSessionStatus;
}

const WAITING_FOR_HEADSET: VrSessionStatus[] = ['downloading', 'downloaded'];

/** Sessions of any learner for one package that a headset could still serve, by learner name. */
export function useOpenSessions(packageId: string | null): readonly OpenSession[] {
  const { db } = useServices();
  const sessions = useLiveQuery(async () => {
    if (!packageId) return [];
    const rows = (await db.vrSessions.where('status').anyOf(WAITING_FOR_HEADSET).toArray()).filter((s) => s.package_id === packageId);
    const learners = await db.learners.bulkGet(rows.map((s) => s.user_id));
    return rows
      .map((s, i): OpenSession => ({ id: s.id, learnerName: learners[i]?.display_name ?? s.user_id, status: s.status }))
      .sort((a, b) => a.learnerName.localeCompare(b.learnerName));
  }, [db, packageId]);
  return sessions ?? [];
}
