import type { OutpostDb } from '../db/outpost-db';
import type { VrPackageRow } from '../db/rows';
import { packageOrigin } from './vr-package-origin';

/** The library, by title. */
export function listPackagesByTitle(db: OutpostDb): Promise<VrPackageRow[]> {
  return db.vrPackages.orderBy('title').toArray();
}

export function countPackages(db: OutpostDb): Promise<number> {
  return db.vrPackages.count();
}

/** Ids of the packages the remote does not know: their sessions stay on this kiosk for now. */
export async function localPackageIds(db: OutpostDb): Promise<Set<string>> {
  return new Set((await db.vrPackages.toArray()).filter((p) => packageOrigin(p) === 'local').map((p) => p.id));
}

export function getPackage(db: OutpostDb, id: string): Promise<VrPackageRow | undefined> {
  return db.vrPackages.get(id);
}
