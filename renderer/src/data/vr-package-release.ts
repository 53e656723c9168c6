import type { DataPorts } from './data-ports';
import { heldForPackage, packageHoldTables } from './held-operations';
import { linkPackage } from './vr-package-link';
import { packageOrigin } from './vr-package-origin';

/** A package as a catalog pull lists it: its id, and its Android package name when the catalog gives one. */
export interface RemotePackageRef {
  readonly id: string;
  readonly package_name?: string | undefined;
}

export interface ReleasedPackage {
  readonly localId: string;
  readonly remoteId: string;
}

/**
 * After a catalog pull (which has stored the remote rows): a local package the remote turns out to know
 * is released. Known by id, it simply becomes remote and its held operations go; otherwise, when exactly
 * one remote package has the same Android package_name, it is linked to that one (see linkPackage). Two
 * or more candidates are left for an instructor to choose. Returns what was released.
 */
export async function releaseLocalPackageIfKnown(ports: DataPorts, remotePackages: readonly RemotePackageRef[]): Promise<ReleasedPackage[]> {
  const { db } = ports;
  const locals = (await db.vrPackages.toArray()).filter((p) => packageOrigin(p) === 'local');
  const byId = new Set(remotePackages.map((p) => p.id));
  const released: ReleasedPackage[] = [];
  for (const local of locals) {
    if (byId.has(local.id)) {
      await markKnown(ports, local.id);
      released.push({ localId: local.id, remoteId: local.id });
      continue;
    }
    const candidates = local.package_name ? remotePackages.filter((p) => p.package_name === local.package_name) : [];
    const [only] = candidates;
    if (candidates.length !== 1 || !only) continue;
    if ((await linkPackage(ports, local.id, only.id)).ok) released.push({ localId: local.id, remoteId: only.id });
  }
  return released;
}

/** The remote knows this very id: nothing to rewrite, only the origin and the held operations change. */
async function markKnown(ports: DataPorts, packageId: string): Promise<void> {
  const { db } = ports;
  await db.transaction('rw', packageHoldTables(db), async () => {
    const at = ports.now().toISOString();
    const held = await heldForPackage(db, packageId);
    await db.outbox.bulkUpdate(held.map((op) => ({ key: op.seq ?? 0, changes: { status: 'pending' as const, held_reason: null, next_attempt_at: at, updated_at: at } })));
    await db.vrPackages.update(packageId, { origin: 'remote' });
  });
}
