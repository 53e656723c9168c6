import type { OutpostDb } from '../db/outpost-db';

/** Changes that sync will still send: held ones are not waiting, they are kept (see heldOperationCount). */
export function waitingOperationCount(db: OutpostDb): Promise<number> {
  return db.outbox.where('status').anyOf('pending', 'in_flight').count();
}

/** Changes kept on this kiosk until something is decided (a package linked, a remote extension). */
export function heldOperationCount(db: OutpostDb): Promise<number> {
  return db.outbox.where('status').equals('held').count();
}
