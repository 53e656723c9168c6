import type { OutpostDb } from '../db/outpost-db';
import type { DataPorts } from './data-ports';

/** The real clock and random UUIDs, for the app's composition root and the components' hook. */
export function systemPorts(db: OutpostDb): DataPorts {
  return { db, now: () => new Date(), newId: () => crypto.randomUUID() };
}
