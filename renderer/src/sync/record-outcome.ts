import { holdUnknownPackage, packageHoldTables } from '../data/held-operations';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';
import type { Outcome } from './classify-result';

/** The id-map entity of an operation's record: `vr_session.complete` -> `vr_session`. */
export function entityOf(op: Pick<OutboxRow, 'kind'>): string {
  return op.kind.split('.')[0] ?? '';
}

export interface RecordContext {
  readonly db: OutpostDb;
  readonly now: Date;
  /** The drain that holds the claim: an answer is recorded only while the claim is still its own. */
  readonly runId: string;
  /** Wall-clock time of the next try (kept for a restart; the drain itself times retries monotonically). */
  readonly nextAttemptAt: string;
}

/**
 * Writes an answer and its bookkeeping (status, id map, holds) in one transaction. Returns null when the
 * operation is no longer this drain's (another drain took it over), else the ids of operations it held
 * along with it (an unknown package holds its sessions' other operations).
 */
export async function recordOutcome(ctx: RecordContext, op: OutboxRow, outcome: Outcome): Promise<string[] | null> {
  const { db } = ctx;
  const at = ctx.now.toISOString();
  const seq = op.seq ?? 0;
  const attempts = op.attempts + 1;
  return db.transaction('rw', [db.idMap, ...packageHoldTables(db)], async () => {
    const current = await db.outbox.get(seq);
    if (current?.status !== 'in_flight' || current.claimed_by !== ctx.runId) return null;
    switch (outcome.kind) {
      case 'unknown_package':
        await db.outbox.update(seq, { status: 'held', held_reason: 'local_package', claimed_by: null, attempts, last_error: null, updated_at: at });
        return holdUnknownPackage({ db, now: () => ctx.now }, outcome.packageId);
      case 'unsupported':
        await db.outbox.update(seq, { status: 'held', held_reason: outcome.reason, claimed_by: null, attempts, last_error: null, updated_at: at });
        return [];
      case 'done':
        await db.outbox.update(seq, { status: 'done', claimed_by: null, attempts, last_error: null, updated_at: at });
        if (outcome.remoteId) await db.idMap.put({ entity: entityOf(op), local_id: op.entity_id, remote_id: outcome.remoteId, recorded_at: at });
        for (const link of outcome.moreIds ?? []) await db.idMap.put({ entity: link.entity, local_id: link.localId, remote_id: link.remoteId, recorded_at: at });
        return [];
      case 'retry':
        await db.outbox.update(seq, { status: 'pending', claimed_by: null, attempts, next_attempt_at: ctx.nextAttemptAt, last_error: { status: outcome.status, code: null, message: outcome.reason }, updated_at: at });
        return [];
      case 'auth':
      case 'offline':
        await db.outbox.update(seq, { status: 'pending', claimed_by: null, updated_at: at });
        return [];
      case 'conflict':
      case 'dead':
        await db.outbox.update(seq, {
          status: 'dead',
          claimed_by: null,
          attempts,
          last_error: outcome.kind === 'dead' ? { status: outcome.status, code: outcome.code, message: outcome.message } : { status: 409, code: 'CONFLICT', message: 'Could not merge with the remote copy' },
          updated_at: at,
        });
        return [];
    }
  });
}
