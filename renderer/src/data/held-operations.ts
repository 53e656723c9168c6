import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';
import type { DataPorts } from './data-ports';

/** The tables holding or releasing a package's operations touches (for a caller's transaction). */
export function packageHoldTables(db: OutpostDb) {
  return [db.vrPackages, db.vrSessions, db.vrSummaries, db.outbox, db.sideloadJobs];
}

/** The per-learner VR summaries of one package (one row per learner who played it; far fewer than sessions). */
export function summariesOfPackage(db: OutpostDb, packageId: string) {
  return db.vrSummaries.filter((s) => s.package_id === packageId).toArray();
}

/**
 * Ids of the sessions recorded against a package. vrSessions has no index on package_id alone: the learners
 * who played it come from their summaries (one row per learner and package, far fewer than sessions), then
 * each learner's sessions of it from the [user_id+package_id] index, never a scan of every session.
 */
export async function sessionIdsOfPackage(db: OutpostDb, packageId: string): Promise<Set<string>> {
  const learners = (await summariesOfPackage(db, packageId)).map((s) => s.user_id);
  const ids = await Promise.all(learners.map((user) => db.vrSessions.where('[user_id+package_id]').equals([user, packageId]).primaryKeys()));
  return new Set(ids.flat() as string[]);
}

/**
 * The remote refused a create because it does not know the package: the package becomes local and every
 * operation of its sessions that sync would still send is held, instead of each one becoming a refusal.
 * Run inside a transaction over packageHoldTables. Operations another drain has in flight are theirs; they
 * come back with the same refusal. Returns the ids it held.
 */
export async function holdUnknownPackage(ports: Pick<DataPorts, 'db' | 'now'>, packageId: string): Promise<string[]> {
  const { db } = ports;
  const at = ports.now().toISOString();
  const pkg = await db.vrPackages.get(packageId);
  if (pkg && pkg.origin !== 'local') await db.vrPackages.put({ ...pkg, origin: 'local' });
  const sessions = await sessionIdsOfPackage(db, packageId);
  const ops = (await db.outbox.where('status').equals('pending').toArray()).filter((op) => sessions.has(op.entity_id));
  await db.outbox.bulkUpdate(ops.map((op) => ({ key: op.seq ?? 0, changes: { status: 'held' as const, held_reason: 'local_package' as const, updated_at: at } })));
  return ops.map((op) => op.id);
}

/** The operations held for a local package, oldest first. */
export async function heldForPackage(db: OutpostDb, packageId: string): Promise<OutboxRow[]> {
  const sessions = await sessionIdsOfPackage(db, packageId);
  const held = await db.outbox.where('status').equals('held').sortBy('seq');
  return held.filter((op) => op.held_reason === 'local_package' && sessions.has(op.entity_id));
}
