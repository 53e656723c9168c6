import type { VrSessionStatus } from '../../../shared/schemas/vr-session';
import { assertTransition } from '../../../shared/vr/vr-session-status';
import type { OutpostDb } from '../db/outpost-db';
import type { VrSessionRow } from '../db/rows';

/** Which timestamp each step stamps; a relaunch never moves first_launch_at. */
function stamp(row: VrSessionRow, to: VrSessionStatus, at: string): Partial<VrSessionRow> {
  switch (to) {
    case 'downloading':
      return { download_started_at: at };
    case 'downloaded':
      return { download_completed_at: at };
    case 'in_progress':
      return { first_launch_at: row.first_launch_at ?? at };
    case 'completed':
      return { completed_at: at };
  }
}

/**
 * Moves a session one step, as sideloading and launching report it (completion goes through the complete
 * endpoint). The check and the write share a transaction, and a refused step writes nothing.
 */
export async function transitionVrSession(db: OutpostDb, sessionId: string, to: VrSessionStatus, at: Date): Promise<VrSessionRow> {
  return db.transaction('rw', db.vrSessions, async () => {
    const row = await db.vrSessions.get(sessionId);
    if (!row) throw new Error(`No VR session ${sessionId}`);
    assertTransition(row.status, to);
    const next: VrSessionRow = { ...row, ...stamp(row, to, at.toISOString()), status: to };
    await db.vrSessions.put(next);
    return next;
  });
}
