import type { OutpostDb } from '../db/outpost-db';
import type { SideloadJobRow } from '../db/rows';

/** The jobs of one bulk action, as the tracker has recorded them so far (a job not yet recorded is absent). */
export async function jobsByIds(db: OutpostDb, ids: readonly string[]): Promise<SideloadJobRow[]> {
  return (await db.sideloadJobs.bulkGet([...ids])).flatMap((job) => (job ? [job] : []));
}
