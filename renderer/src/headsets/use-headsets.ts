import { useLiveQuery } from 'dexie-react-hooks';
import type { HeadsetRow, SideloadJobRow } from '../db/rows';
import { useServices } from '../ui/services-context';
import { latestJobOn, listHeadsets } from '../data/headset-queries';

/** The cart as last known, in serial order (the table's key) so a card never jumps when its state changes. */
export function useHeadsets(): HeadsetRow[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => listHeadsets(db), [db]);
}

/** The newest job for one headset, whatever the package: what its card reports on. */
export function useLatestJob(serial: string): SideloadJobRow | undefined {
  const { db } = useServices();
  return useLiveQuery(() => latestJobOn(db, serial), [db, serial]);
}
