import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';

function isHeldStep(op: OutboxRow): boolean {
  return op.kind === 'vr_session.step' && op.held_reason === 'remote_extension_unsupported';
}

/**
 * Headset steps (downloaded, first launch) kept on the kiosk because the remote does not implement
 * Outpost's PATCH extension, or has not been asked yet this run (step-extension.ts). They never count as
 * waiting or refused; the Sync page says how many there are. Held rows are few; the status index narrows.
 */
export function heldStepCount(db: OutpostDb): Promise<number> {
  return db.outbox.where('status').equals('held').filter(isHeldStep).count();
}
