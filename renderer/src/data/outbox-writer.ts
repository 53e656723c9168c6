import { OUTBOX_STATUSES } from '../../../shared/sync/outbox-operation';
import type { HeldReason } from '../../../shared/sync/outbox-operation';
import type { DataPorts } from './data-ports';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';

export interface OutboxEntry {
  /** The operation's id when the caller must know it beforehand (attempts created offline are named after it). */
  readonly id?: string;
  readonly kind: string;
  readonly entity_id: string;
  readonly method: OutboxRow['method'];
  readonly path: string;
  readonly body: unknown;
  readonly acting_user_id: string | null;
  readonly depends_on?: readonly string[];
  /** Recorded as `held` for this reason instead of `pending`: sync leaves it alone until it is released. */
  readonly held_reason?: HeldReason;
}

/** The data layer's ports: the outbox is written by the same writes, with the same clock and ids. */
export type OutboxDeps = DataPorts;

/**
 * Records a write for the remote API. Call it inside the Dexie transaction that makes the local change
 * (with `outbox` in its scope): both land together or neither does, so nothing is lost or sent twice.
 */
export async function queueOperation(deps: OutboxDeps, entry: OutboxEntry): Promise<OutboxRow> {
  const now = deps.now().toISOString();
  const row: OutboxRow = {
    id: entry.id ?? deps.newId(),
    idempotency_key: deps.newId(),
    kind: entry.kind,
    entity_id: entry.entity_id,
    method: entry.method,
    path: entry.path,
    body: entry.body,
    acting_user_id: entry.acting_user_id,
    depends_on: [...(entry.depends_on ?? [])],
    status: entry.held_reason ? 'held' : 'pending',
    held_reason: entry.held_reason ?? null,
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    created_at: now,
    updated_at: now,
  };
  const seq = await deps.db.outbox.add(row);
  return { ...row, seq };
}

/** The not-yet-delivered operation of a kind on an entity (e.g. its create), which later operations must wait for. */
export async function pendingOperationOf(db: OutpostDb, entityId: string, kind: string): Promise<OutboxRow | undefined> {
  return db.outbox
    .where('entity_id')
    .equals(entityId)
    .filter((op) => op.kind === kind && op.status !== 'done')
    .first();
}

/** The statuses of an operation not delivered yet (held and refused ones included): all but done. */
const UNDELIVERED = OUTBOX_STATUSES.filter((status) => status !== 'done');

/**
 * A learner's operations of one kind not delivered yet, in recorded order. Read from one index (schema
 * v12, a key range per status), so the cost is what this learner still has waiting of that kind, not
 * their history.
 */
export async function undeliveredOperationsBy(db: OutpostDb, actingUserId: string, kind: string): Promise<OutboxRow[]> {
  // One equals() per status, not anyOf(), whose cursor fake-indexeddb makes slow in the Node tests.
  const byStatus = await Promise.all(UNDELIVERED.map((status) => db.outbox.where('[acting_user_id+kind+status]').equals([actingUserId, kind, status]).toArray()));
  return byStatus.flat().sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}
