import type { VrSessionStatus } from '../../../shared/schemas/vr-session';
import { localRef } from '../../../shared/sync/local-ref';
import { canTransition, stepStamps } from '../../../shared/vr/vr-session-status';
import type { OutpostDb } from '../db/outpost-db';
import type { VrSessionRow } from '../db/rows';
import { queueOperation } from './outbox-writer';
import type { DataPorts } from './data-ports';

export type StepResult = 'moved' | 'unchanged';

/** The tables a headset step writes: a caller that records more in the same transaction includes these. */
export function vrStepTables(db: OutpostDb) {
  return [db.vrSessions, db.outbox];
}

/**
 * When the transfer to the headset started. The session stays `downloading`, so this is no step of its
 * own and queues nothing: the downloaded step carries the timestamp to the remote.
 */
export async function markDownloadStarted(ports: DataPorts, sessionId: string, at: Date): Promise<StepResult> {
  const { db } = ports;
  return db.transaction('rw', vrStepTables(db), async () => {
    const row = await db.vrSessions.get(sessionId);
    const stamp = at.toISOString();
    if (row?.status !== 'downloading' || row.download_started_at === stamp) return 'unchanged';
    await db.vrSessions.put({ ...row, download_started_at: stamp });
    return 'moved';
  });
}

/** The headset verified the install. Only a session still downloading moves; a later one is left alone. */
export function markDownloaded(ports: DataPorts, sessionId: string, at: Date): Promise<StepResult> {
  return step(ports, sessionId, 'downloaded', at);
}

/** The headset confirmed a launch (the app is in the foreground). Only a downloaded session moves. */
export function markLaunched(ports: DataPorts, sessionId: string, at: Date): Promise<StepResult> {
  return step(ports, sessionId, 'in_progress', at);
}

/**
 * One headset step: the status rule (shared/vr/vr-session-status.ts) decides, the stamps follow it, and
 * the step is queued for `PATCH /api/vr-sessions/<id>` in the same transaction. That endpoint is Outpost's
 * extension of the seed API, so the row is held: never sent, never a dead letter, until delivery to
 * the remote is decided. Nothing waits on it (a complete depends on the create only).
 */
async function step(ports: DataPorts, sessionId: string, to: VrSessionStatus, at: Date): Promise<StepResult> {
  const { db } = ports;
  return db.transaction('rw', vrStepTables(db), async () => {
    const row = await db.vrSessions.get(sessionId);
    if (!row || !canTransition(row.status, to)) return 'unchanged';
    const next: VrSessionRow = { ...row, ...stepStamps(row, to, at.toISOString()), status: to };
    await db.vrSessions.put(next);
    await queueOperation(ports, {
      kind: 'vr_session.step',
      entity_id: row.id,
      method: 'PATCH',
      path: `/api/vr-sessions/${localRef('vr_session', row.id)}`,
      body: { status: next.status, download_started_at: next.download_started_at, download_completed_at: next.download_completed_at, first_launch_at: next.first_launch_at },
      acting_user_id: row.user_id,
      held_reason: 'remote_extension_unsupported',
    });
    return 'moved';
  });
}

/**
 * Releases headset steps held because the remote might not implement their PATCH: at most `limit` (the
 * oldest first), so sync can try one before sending the rest. Returns how many it released.
 */
export async function releaseHeldSteps(ports: Pick<DataPorts, 'db' | 'now'>, limit: number): Promise<number> {
  const { db } = ports;
  const at = ports.now().toISOString();
  return db.transaction('rw', db.outbox, async () => {
    const held = await db.outbox.where('status').equals('held').filter((op) => op.kind === 'vr_session.step' && op.held_reason === 'remote_extension_unsupported').limit(limit).toArray();
    await db.outbox.bulkUpdate(held.map((op) => ({ key: op.seq ?? 0, changes: { status: 'pending' as const, held_reason: null, next_attempt_at: at, updated_at: at } })));
    return held.length;
  });
}
