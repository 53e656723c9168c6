import { Dexie } from 'dexie';
import type { OutpostDb } from '../db/outpost-db';
import type { HeadsetRow, SideloadJobRow } from '../db/rows';

/** The cart as last known, in serial order (the table's key) so a card never jumps when its state changes. */
export function listHeadsets(db: OutpostDb): Promise<HeadsetRow[]> {
  return db.headsets.toArray();
}

/** The newest job for one headset, whatever the package: what its card reports on. */
export function latestJobOn(db: OutpostDb, serial: string): Promise<SideloadJobRow | undefined> {
  return db.sideloadJobs.where('[serial+created_at]').between([serial, Dexie.minKey], [serial, Dexie.maxKey]).last();
}
