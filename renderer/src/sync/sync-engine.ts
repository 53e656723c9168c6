import { findLocalRefs, resolveLocalRefs } from '../../../shared/sync/local-ref';
import type { RemoteRequest, RemoteResult } from '../../../shared/sync/remote-contract';
import { holdUnknownPackage, packageHoldTables } from '../data/held-operations';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';
import { backoffDelayMs } from './backoff';
import { classifyResult } from './classify-result';
import type { Outcome } from './classify-result';

export type RemotePort = (request: RemoteRequest) => Promise<RemoteResult>;

/** Resolves a SCORM 409: returns the request to retry with (merged CMI, the remote's version), or null. */
export type ConflictResolver = (op: OutboxRow, conflictBody: unknown) => Promise<{ body: unknown } | null>;

export interface SyncEngineOptions {
  readonly db: OutpostDb;
  readonly remote: RemotePort;
  readonly now: () => Date;
  readonly random: () => number;
  /** Requests in flight at once. */
  readonly concurrency: number;
  readonly resolveConflict?: ConflictResolver;
  readonly onProgress?: (progress: SyncProgress) => void;
}

export interface SyncProgress {
  readonly delivered: number;
  readonly remaining: number;
  readonly state: 'draining' | 'idle' | 'paused_auth' | 'offline';
}

export type DrainResult = { state: 'idle' | 'paused_auth' | 'offline'; delivered: number; dead: number; waiting: number };

const OPEN = ['pending', 'in_flight'] as const;

/**
 * Replays the outbox to the remote API. Operations go in recorded order as far as their dependencies
 * allow (create before complete), local ids are rewritten through the id map, at most `concurrency`
 * requests fly at once and never two for the same record. Each answer and its bookkeeping (status, id
 * map) are written in one transaction, and every request carries its idempotency key, so a crash at any
 * point is repaired by `recover()` plus a resend that the remote recognises.
 */
export class SyncEngine {
  #paused: 'auth' | 'offline' | null = null;
  #running: Promise<DrainResult> | null = null;
  #runId = '';

  constructor(private readonly options: SyncEngineOptions) {}

  /** After a crash or kill: whatever was in flight is sent again (its idempotency key makes that safe). */
  async recover(): Promise<number> {
    const { db } = this.options;
    return db.outbox.where('status').equals('in_flight').modify({ status: 'pending', claimed_by: null });
  }

  /**
   * Sends everything that can go now and returns when nothing more can: the outbox is empty, the rest waits
   * on a retry time or a failed dependency, or sync was paused (401, or no API configured). Operations
   * recorded while a drain runs go out with the next one.
   */
  drain(onProgress?: (progress: SyncProgress) => void): Promise<DrainResult> {
    // One drain at a time: a second caller (timer, button, reconnect) joins the one under way.
    this.#running ??= this.#drain(onProgress).finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #drain(onProgress?: (progress: SyncProgress) => void): Promise<DrainResult> {
    this.#paused = null;
    this.#runId = crypto.randomUUID();
    await this.recover();
    const { db } = this.options;
    const queue = await db.outbox.where('status').equals('pending').sortBy('seq');
    const status = new Map(queue.map((op) => [op.id, op.status as string]));
    const remoteIds = new Map((await db.idMap.toArray()).map((row) => [`${row.entity}:${row.local_id}`, row.remote_id]));
    let delivered = 0;
    let dead = 0;
    const inFlight = new Set<Promise<void>>();
    const busyEntities = new Set<string>();
    const finished = new Set<string>();
    const indexOf = new Map(queue.map((op, index) => [op.id, index]));
    const cursor = { head: 0 };
    for (;;) {
      if (this.#paused) break;
      const picked = await this.#pick(queue, cursor, finished, busyEntities, status, remoteIds, this.options.concurrency - inFlight.size);
      const ready = await this.#claim(picked);
      // Picked but no longer pending (held or sent meanwhile): not this drain's to send.
      for (const op of picked) if (!ready.includes(op)) finished.add(op.id);
      for (const op of ready) {
        busyEntities.add(op.entity_id);
        const task: Promise<void> = this.#send(op, remoteIds)
          .then((outcome) => {
            status.set(op.id, outcome.kind === 'done' ? 'done' : outcome.kind === 'dead' || outcome.kind === 'conflict' ? 'dead' : outcome.kind === 'held' ? 'held' : 'pending');
            if (outcome.kind === 'held') {
              // Held with it: the other operations of that package's sessions, which this drain must skip.
              for (const id of [op.id, ...outcome.heldIds]) {
                if (indexOf.has(id)) finished.add(id);
                status.set(id, 'held');
              }
            } else if (outcome.kind === 'superseded') {
              // Another drain took this operation over; it is theirs to record.
              finished.add(op.id);
            } else if (outcome.kind === 'done') {
              delivered += 1;
              finished.add(op.id);
              if (outcome.remoteId) remoteIds.set(`${entityOf(op)}:${op.entity_id}`, outcome.remoteId);
              for (const link of outcome.moreIds ?? []) remoteIds.set(`${link.entity}:${link.localId}`, link.remoteId);
            } else if (outcome.kind === 'dead' || outcome.kind === 'conflict') {
              dead += 1;
              finished.add(op.id);
            } else {
              const index = indexOf.get(op.id) ?? -1;
              if (index >= 0) queue[index] = { ...op, next_attempt_at: outcome.kind === 'retry' ? outcome.nextAttemptAt : op.next_attempt_at, attempts: op.attempts + 1 };
            }
          })
          .finally(() => {
            busyEntities.delete(op.entity_id);
            inFlight.delete(task);
          });
        inFlight.add(task);
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
      this.#report(delivered, queue.length - finished.size, 'draining', onProgress);
    }
    await Promise.all(inFlight);
    const waiting = await db.outbox.where('status').anyOf(OPEN).count();
    const state = this.#paused === 'auth' ? 'paused_auth' : this.#paused === 'offline' ? 'offline' : 'idle';
    this.#report(delivered, waiting, state, onProgress);
    return { state, delivered, dead, waiting };
  }

  #report(delivered: number, remaining: number, state: SyncProgress['state'], onProgress?: (progress: SyncProgress) => void): void {
    this.options.onProgress?.({ delivered, remaining, state });
    onProgress?.({ delivered, remaining, state });
  }

  /**
   * The next operations that may go: due, first of their record (a record's operations go one after the
   * other), dependencies delivered, and every local id in them known remotely.
   */
  async #pick(
    queue: readonly OutboxRow[],
    cursor: { head: number },
    finished: ReadonlySet<string>,
    busyEntities: ReadonlySet<string>,
    status: Map<string, string>,
    remoteIds: ReadonlyMap<string, string>,
    room: number,
  ): Promise<OutboxRow[]> {
    const picked: OutboxRow[] = [];
    if (room <= 0) return picked;
    const now = this.options.now().toISOString();
    const seenEntities = new Set<string>();
    // Everything before the head is finished; operations finish roughly in order, so this keeps each
    // scan short even with thousands queued.
    while (cursor.head < queue.length && finished.has(queue[cursor.head]?.id ?? '')) cursor.head += 1;
    for (let i = cursor.head; i < queue.length; i++) {
      const op = queue[i]!;
      if (picked.length >= room) break;
      if (finished.has(op.id) || seenEntities.has(op.entity_id)) continue;
      seenEntities.add(op.entity_id);
      if (busyEntities.has(op.entity_id) || op.next_attempt_at > now) continue;
      if (!(await this.#dependenciesDone(op, status))) continue;
      if (findLocalRefs(op.path + JSON.stringify(op.body ?? null)).some((ref) => !remoteIds.has(`${ref.entity}:${ref.id}`))) continue;
      picked.push(op);
    }
    return picked;
  }

  /**
   * Marks a batch as in flight under this drain's claim, in one transaction, and returns what it claimed:
   * only operations still pending, so one held (or taken) since this drain read the queue is never sent.
   */
  async #claim(ops: readonly OutboxRow[]): Promise<OutboxRow[]> {
    if (ops.length === 0) return [];
    const { db } = this.options;
    const changes = { status: 'in_flight' as const, claimed_by: this.#runId, updated_at: this.options.now().toISOString() };
    return db.transaction('rw', db.outbox, async () => {
      const current = await db.outbox.bulkGet(ops.map((op) => op.seq ?? 0));
      const claimable = ops.filter((_op, i) => current[i]?.status === 'pending');
      await db.outbox.bulkUpdate(claimable.map((op) => ({ key: op.seq ?? 0, changes })));
      return claimable;
    });
  }

  async #dependenciesDone(op: OutboxRow, status: Map<string, string>): Promise<boolean> {
    for (const id of op.depends_on) {
      let known = status.get(id);
      if (known === undefined) {
        // A dependency from an earlier drain: ask the database once and remember.
        known = (await this.options.db.outbox.where('id').equals(id).first())?.status ?? 'missing';
        status.set(id, known);
      }
      if (known !== 'done') return false;
    }
    return true;
  }

  async #send(op: OutboxRow, remoteIds: ReadonlyMap<string, string>, bodyOverride?: unknown): Promise<SendOutcome> {
    const { db } = this.options;
    const resolve = (text: string) => resolveLocalRefs(text, (entity, id) => remoteIds.get(`${entity}:${id}`));
    const path = resolve(op.path);
    const body = bodyOverride ?? op.body;
    const resolvedBody: unknown = body === undefined || body === null ? body : JSON.parse(resolve(JSON.stringify(body)));
    const result = await this.options.remote({
      method: op.method,
      path,
      ...(resolvedBody === undefined ? {} : { body: resolvedBody }),
      idempotency_key: op.idempotency_key,
      ...(op.acting_user_id ? { on_behalf_of: op.acting_user_id } : {}),
    });
    const outcome = classifyResult(op, result);
    if (outcome.kind === 'conflict' && this.options.resolveConflict && bodyOverride === undefined) {
      const merged = await this.options.resolveConflict(op, outcome.body);
      if (merged) {
        await db.outbox.update(op.seq ?? 0, { body: merged.body });
        return this.#send({ ...op, body: merged.body }, remoteIds, merged.body);
      }
    }
    return this.#apply(op, outcome);
  }

  async #apply(op: OutboxRow, outcome: Outcome): Promise<SendOutcome> {
    const { db } = this.options;
    const now = this.options.now();
    const at = now.toISOString();
    const seq = op.seq ?? 0;
    const nextAttemptAt = new Date(now.getTime() + backoffDelayMs(op.attempts + 1, this.options.random)).toISOString();
    const runId = this.#runId;
    const recorded = await db.transaction('rw', [db.idMap, ...packageHoldTables(db)], async () => {
      const current = await db.outbox.get(seq);
      if (current?.status !== 'in_flight' || current.claimed_by !== runId) return null;
      return (await record()) ?? [];
    });
    if (recorded === null) return { kind: 'superseded' };
    if (outcome.kind === 'auth' || outcome.kind === 'offline') this.#paused = outcome.kind;
    if (outcome.kind === 'unknown_package') return { kind: 'held', heldIds: recorded };
    return outcome.kind === 'retry' ? { ...outcome, nextAttemptAt } : outcome;

    /** Records the answer; for an unknown package, returns the ids of the other operations it held. */
    async function record(): Promise<string[] | void> {
      switch (outcome.kind) {
        case 'unknown_package': {
          await db.outbox.update(seq, { status: 'held', held_reason: 'local_package', claimed_by: null, attempts: op.attempts + 1, last_error: null, updated_at: at });
          return holdUnknownPackage({ db, now: () => now }, outcome.packageId);
        }
        case 'done': {
          await db.outbox.update(seq, { status: 'done', claimed_by: null, attempts: op.attempts + 1, last_error: null, updated_at: at });
          if (outcome.remoteId) await db.idMap.put({ entity: entityOf(op), local_id: op.entity_id, remote_id: outcome.remoteId, recorded_at: at });
          for (const link of outcome.moreIds ?? []) await db.idMap.put({ entity: link.entity, local_id: link.localId, remote_id: link.remoteId, recorded_at: at });
          return;
        }
        case 'retry': {
          await db.outbox.update(seq, { status: 'pending', claimed_by: null, attempts: op.attempts + 1, next_attempt_at: nextAttemptAt, last_error: { status: outcome.status, code: null, message: outcome.reason }, updated_at: at });
          return;
        }
        case 'auth':
        case 'offline':
          await db.outbox.update(seq, { status: 'pending', claimed_by: null, updated_at: at });
          return;
        case 'conflict':
        case 'dead':
          await db.outbox.update(seq, {
            status: 'dead',
            claimed_by: null,
            attempts: op.attempts + 1,
            last_error: outcome.kind === 'dead' ? { status: outcome.status, code: outcome.code, message: outcome.message } : { status: 409, code: 'CONFLICT', message: 'Could not merge with the remote copy' },
            updated_at: at,
          });
      }
    }
  }
}

type SendOutcome =
  | Exclude<Outcome, { kind: 'retry' } | { kind: 'unknown_package' }>
  | (Extract<Outcome, { kind: 'retry' }> & { nextAttemptAt: string })
  | { kind: 'held'; heldIds: readonly string[] }
  | { kind: 'superseded' };

/** The id-map entity of an operation's record: `vr_session.complete` -> `vr_session`. */
function entityOf(op: OutboxRow): string {
  return op.kind.split('.')[0] ?? '';
}
