import type { CreateVrSessionRequest } from '../../../shared/schemas/vr-session';
import { newVrSessionRecord } from '../../../shared/vr/vr-session-record';
import type { LearnerRow, VrPackageRow, VrSessionRow } from '../db/rows';
import { pendingOperationsOf, queueOperation } from './outbox-writer';
import type { DataPorts } from './data-ports';
import { heldReasonForPackage } from './vr-package-origin';

export type SessionOwner = Pick<LearnerRow, 'id' | 'tenant_id'>;

export type CreatedVrSession =
  | { readonly ok: true; readonly created: boolean; readonly session: VrSessionRow; readonly pkg: VrPackageRow }
  | { readonly ok: false; readonly error: 'PACKAGE_NOT_FOUND' };

/**
 * Starts a VR session, or returns the learner's open one for the same package/activity. The look-up and
 * the insert share one read-write transaction, and IndexedDB serialises overlapping read-write
 * transactions, so two racing requests (a double tap, two windows) get the same session instead of two.
 * The create for the remote is queued in the same transaction; for a local package it is held.
 */
export async function createVrSession(ports: DataPorts, learner: SessionOwner, body: CreateVrSessionRequest): Promise<CreatedVrSession> {
  const { db } = ports;
  return db.transaction('rw', [db.vrSessions, db.vrPackages, db.outbox], async (): Promise<CreatedVrSession> => {
    const pkg = await db.vrPackages.get(body.package_id);
    if (!pkg) return { ok: false, error: 'PACKAGE_NOT_FOUND' };
    const activityId = body.activity_id ?? null;
    const earlier = (await db.vrSessions.where('[user_id+package_id]').equals([learner.id, pkg.id]).toArray()).filter((row) => row.activity_id === activityId);
    const open = earlier.find((row) => row.status !== 'completed');
    if (open) return { ok: true, created: false, session: open, pkg };

    const row: VrSessionRow = newVrSessionRecord({
      id: ports.newId(),
      packageId: pkg.id,
      activityId,
      tenantId: learner.tenant_id,
      userId: learner.id,
      completionMode: body.completion_mode,
      earlierAttempts: earlier.length,
      at: ports.now().toISOString(),
    });
    await db.vrSessions.add(row);
    // The remote returns any open session for this learner/package/activity instead of creating one, so
    // this create must not reach it before the previous attempt's completion does. One look-up for all
    // of them: the learner's undelivered completions (a completion is always recorded by its learner).
    const waiting = await pendingOperationsOf(db, learner.id, 'vr_session.complete', earlier.map((s) => s.id));
    const previousCompletions = earlier.map((s) => waiting.get(s.id)?.id).filter((id): id is string => id !== undefined);
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
