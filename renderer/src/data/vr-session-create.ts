import { Dexie } from 'dexie';
import { VR_SESSION_STATUSES } from '../../../shared/schemas/vr-session';
import type { CreateVrSessionRequest } from '../../../shared/schemas/vr-session';
import { newVrSessionRecord } from '../../../shared/vr/vr-session-record';
import type { OutpostDb } from '../db/outpost-db';
import type { LearnerRow, VrPackageRow, VrSessionRow } from '../db/rows';
import { queueOperation, undeliveredOperationsBy } from './outbox-writer';
import type { DataPorts } from './data-ports';
import { heldReasonForPackage } from './vr-package-origin';

export type SessionOwner = Pick<LearnerRow, 'id' | 'tenant_id'>;

export type CreatedVrSession =
  | { readonly ok: true; readonly created: boolean; readonly session: VrSessionRow; readonly pkg: VrPackageRow }
  | { readonly ok: false; readonly error: 'PACKAGE_NOT_FOUND' };

const OPEN_STATUSES = VR_SESSION_STATUSES.filter((status) => status !== 'completed');
const byId = (a: VrSessionRow, b: VrSessionRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Starts a VR session, or returns the learner's open one for the same package/activity. The look-up and
 * the insert share one read-write transaction, and IndexedDB serialises overlapping read-write
 * transactions, so two racing requests (a double tap, two windows) get the same session instead of two.
 * The create for the remote is queued in the same transaction; for a local package it is held.
 * Nothing here reads the learner's earlier attempts one by one (schema v12): the open session, the
 * number of attempts and the completions still waiting each come from an index, so a start costs the
 * same after 3,000 attempts as after three.
 */
export async function createVrSession(ports: DataPorts, learner: SessionOwner, body: CreateVrSessionRequest): Promise<CreatedVrSession> {
  const { db } = ports;
  return db.transaction('rw', [db.vrSessions, db.vrPackages, db.outbox], async (): Promise<CreatedVrSession> => {
    const pkg = await db.vrPackages.get(body.package_id);
    if (!pkg) return { ok: false, error: 'PACKAGE_NOT_FOUND' };
    const activityId = body.activity_id ?? null;
    const sameActivity = (row: VrSessionRow) => row.activity_id === activityId;
    const open = (await openSessionsOn(db, learner.id, pkg.id)).filter(sameActivity).sort(byId)[0];
    if (open) return { ok: true, created: false, session: open, pkg };

    const row: VrSessionRow = newVrSessionRecord({
      id: ports.newId(),
      packageId: pkg.id,
      activityId,
      tenantId: learner.tenant_id,
      userId: learner.id,
      completionMode: body.completion_mode,
      earlierAttempts: await attemptsOn(db, learner.id, pkg.id, activityId),
      at: ports.now().toISOString(),
    });
    // The remote returns any open session for this learner/package/activity instead of creating one, so
    // this create must not reach it before the earlier attempts' completions do: the learner's undelivered
    // completions (a completion is always recorded by its learner) of sessions on this package/activity.
    const waiting = await undeliveredOperationsBy(db, learner.id, 'vr_session.complete');
    const sessions = await db.vrSessions.bulkGet([...new Set(waiting.map((op) => op.entity_id))]);
    const earlier = sessions.filter((s): s is VrSessionRow => s !== undefined && s.user_id === learner.id && s.package_id === pkg.id && sameActivity(s)).sort(byId);
    const previousCompletions = earlier.flatMap((s) => waiting.find((op) => op.entity_id === s.id)?.id ?? []);
    await db.vrSessions.add(row);
    const held = heldReasonForPackage(pkg);
    await queueOperation(ports, {
      kind: 'vr_session.create',
      entity_id: row.id,
      method: 'POST',
      path: '/api/vr-sessions',
      acting_user_id: learner.id,
      body: { package_id: pkg.id, ...(activityId ? { activity_id: activityId } : {}), completion_mode: body.completion_mode },
      depends_on: previousCompletions,
      ...(held ? { held_reason: held } : {}),
    });
    return { ok: true, created: true, session: row, pkg };
  });
}

/** The learner's sessions on a package that are not completed (one per activity at most, normally). */
async function openSessionsOn(db: OutpostDb, userId: string, packageId: string): Promise<VrSessionRow[]> {
  const byStatus = await Promise.all(OPEN_STATUSES.map((status) => db.vrSessions.where('[user_id+package_id+status]').equals([userId, packageId, status]).toArray()));
  return byStatus.flat();
}

/** How many sessions the learner has on this package and activity (none of them open here): index counts only. */
async function attemptsOn(db: OutpostDb, userId: string, packageId: string, activityId: string | null): Promise<number> {
  const sessions = db.vrSessions.where('[user_id+package_id+activity_id]');
  if (activityId !== null) return sessions.equals([userId, packageId, activityId]).count();
  // A null activity is not indexed: every session on the package minus those linked to an activity.
  const [all, linked] = await Promise.all([db.vrSessions.where('[user_id+package_id]').equals([userId, packageId]).count(), sessions.between([userId, packageId, Dexie.minKey], [userId, packageId, Dexie.maxKey]).count()]);
  return all - linked;
}
