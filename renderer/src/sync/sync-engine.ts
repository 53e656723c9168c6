import { findLocalRefs, resolveLocalRefs } from '../../../shared/sync/local-ref';
import type { RemoteRequest, RemoteResult } from '../../../shared/sync/remote-contract';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';
import { backoffDelayMs } from './backoff';
import { classifyResult } from './classify-result';
import type { Outcome } from './classify-result';
import { DependencyGate } from './dependency-gate';
import { DrainQueue } from './drain-queue';
import { IdLookup } from './id-lookup';
import { entityOf, recordOutcome } from './record-outcome';
import { performanceClock, RetryClock } from './retry-clock';
import { sendStatement } from './statement-request';
import { StepExtension } from './step-extension';
import type { MonotonicClock } from './retry-clock';

export type RemotePort = (request: RemoteRequest) => Promise<RemoteResult>;

/**
 * Requests the app keeps in flight at once. A distant API answers in 100-300 ms while a request costs the
 * kiosk a few milliseconds, so the round trip, not the kiosk, bounds a one-at-a-time drain; sixteen at a
 * time (never two for one record) drains a week's backlog well over six times faster at 100 ms
 * (docs/benchmarks.md) and stays far below what a web server takes from one client.
 */
export const SYNC_CONCURRENCY = 16;

/**
 * Resolves a SCORM 409: returns the request to retry with (merged CMI, the remote's version), or null, and
 * what to do with the remote's answer once the retry is delivered (bring the kiosk's copy up to date).
 */
export type ConflictResolver = (op: OutboxRow, conflictBody: unknown) => Promise<{ body: unknown; delivered?: (answer: unknown) => Promise<void> } | null>;

export interface SyncEngineOptions {
  readonly db: OutpostDb;
  readonly remote: RemotePort;
  readonly now: () => Date;
  readonly random: () => number;
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Times retries; performance.now unless a test moves time itself. */
  readonly monotonic?: MonotonicClock;
  readonly resolveConflict?: ConflictResolver;
  /** Called before each drain: releases operations held until something changed (e.g. the remote's support). */
  readonly beforeDrain?: () => Promise<void>;
  readonly onOutcome?: (op: OutboxRow, outcome: Outcome) => Promise<void> | void;
  readonly onProgress?: (progress: SyncProgress) => void;
}

export interface SyncProgress {
  readonly delivered: number;
  readonly remaining: number;
  readonly state: 'draining' | 'idle' | 'paused_auth' | 'offline';
}

export type DrainResult = { state: 'idle' | 'paused_auth' | 'offline'; delivered: number; dead: number; waiting: number };

/**
 * Replays the outbox to the remote API. Operations go in recorded order as far as their dependencies
 * allow (create before complete), local ids are rewritten through the id map, at most `concurrency`
 * requests fly at once and never two for the same record. Each answer and its bookkeeping are written in
 * one transaction, and every request carries its idempotency key, so a crash at any point is repaired by
 * `recover()` plus a resend that the remote recognises. Retries are timed on a monotonic clock.
 */
export class SyncEngine {
  #paused: 'auth' | 'offline' | null = null;
  #running: Promise<DrainResult> | null = null;
  #runId = '';
  #nextRetryMs: number | null = null;
  readonly #retries: RetryClock;
  /** Whether the remote takes the headset steps (Outpost's PATCH extension); found out once per run. */
  readonly steps: StepExtension;

  constructor(private readonly options: SyncEngineOptions) {
    this.#retries = new RetryClock(options.monotonic ?? performanceClock, options.now);
    this.steps = new StepExtension(options.db, options.now);
  }

  /** After the last drain: how long until the soonest operation waiting on a retry time may go, or null. */
  get nextRetryMs(): number | null {
    return this.#nextRetryMs;
  }

  /** After a crash or kill: whatever was in flight is sent again (its idempotency key makes that safe). */
  async recover(): Promise<number> {
    return this.options.db.outbox.where('status').equals('in_flight').modify({ status: 'pending', claimed_by: null });
  }

  /** A person released an operation (retry, resend): it is due now, whatever the last retry time was. */
  release(id: string): void {
    this.#retries.forget(id);
  }

  /**
   * Sends everything that can go and returns when nothing more can: the outbox is empty, the rest waits
   * on a retry time or a refused dependency, or sync was paused (401, or no API configured). Operations
   * recorded while it runs are picked up by the same drain.
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
    await this.steps.beforeDrain();
    await this.options.beforeDrain?.();
    const { db } = this.options;
    const queue = await DrainQueue.load(db);
    const gate = new DependencyGate(db);
    const ids = new IdLookup(db);
    const counts = { delivered: 0, dead: 0 };
    const inFlight = new Set<Promise<void>>();
    const busy = new Set<string>();
    for (;;) {
      if (this.#paused) break;
      await queue.takeNew();
      const picked = await this.#pick(queue, gate, busy, ids, this.options.concurrency - inFlight.size);
      const ready = await this.#claim(picked);
      const claimedIds = new Set(ready.map((op) => op.id));
      for (const op of picked) if (!claimedIds.has(op.id)) queue.finish(op.id);
      for (const op of ready) {
        busy.add(op.entity_id);
        const task: Promise<void> = this.#send(op, ids)
          .then((outcome) => this.#afterSend(op, outcome, queue, gate, ids, counts))
          .finally(() => {
            busy.delete(op.entity_id);
            inFlight.delete(task);
          });
        inFlight.add(task);
      }
      if (inFlight.size === 0) {
        // Nothing loaded can go and nothing is flying: read further (what follows may not wait on these,
        // and what was recorded meanwhile is there too), and stop once there is nothing more to read.
        if (!(await queue.readMore())) break;
        continue;
      }
      await Promise.race(inFlight);
      this.#report(counts.delivered, queue.remaining, 'draining', onProgress);
    }
    await Promise.all(inFlight);
    this.#nextRetryMs = queue.soonestWait((op) => this.#retries.waitMs(op));
    const waiting = queue.remaining;
    const state = this.#paused === 'auth' ? 'paused_auth' : this.#paused === 'offline' ? 'offline' : 'idle';
    this.#report(counts.delivered, waiting, state, onProgress);
    return { state, delivered: counts.delivered, dead: counts.dead, waiting };
  }

  #afterSend(op: OutboxRow, outcome: SendOutcome, queue: DrainQueue, gate: DependencyGate, ids: IdLookup, counts: { delivered: number; dead: number }): void {
    if (outcome.kind === 'superseded') return queue.finish(op.id);
    const status = outcome.kind === 'done' ? 'done' : outcome.kind === 'dead' || outcome.kind === 'conflict' ? 'dead' : outcome.kind === 'held' ? 'held' : 'pending';
    gate.note({ ...op, status });
    if (outcome.kind === 'held') {
      // Held with it: the other operations of that package's sessions, which this drain must skip.
      for (const id of [op.id, ...outcome.heldIds]) queue.finish(id);
      return;
    }
    if (outcome.kind === 'done') {
      counts.delivered += 1;
      queue.finish(op.id);
      this.#retries.forget(op.id);
      if (outcome.remoteId) ids.learn(entityOf(op), op.entity_id, outcome.remoteId, true);
      for (const link of outcome.moreIds ?? []) ids.learn(link.entity, link.localId, link.remoteId);
      return;
    }
    if (outcome.kind === 'dead' || outcome.kind === 'conflict') {
      counts.dead += 1;
      queue.finish(op.id);
      this.#retries.forget(op.id);
      return;
    }
    queue.retryLater(op.id);
  }

  #report(delivered: number, remaining: number, state: SyncProgress['state'], onProgress?: (progress: SyncProgress) => void): void {
    this.options.onProgress?.({ delivered, remaining, state });
    onProgress?.({ delivered, remaining, state });
  }

  /**
   * The next operations that may go: due, first of their record (a record's operations go one after the
   * other), dependencies met, and every local id in them known remotely.
   */
  async #pick(queue: DrainQueue, gate: DependencyGate, busy: ReadonlySet<string>, ids: IdLookup, room: number): Promise<OutboxRow[]> {
    const picked: OutboxRow[] = [];
    if (room <= 0) return picked;
    await ids.load(queue.open());
    const seenEntities = new Set<string>();
    for (const op of queue.open()) {
      if (picked.length >= room) break;
      if (seenEntities.has(op.entity_id)) continue;
      seenEntities.add(op.entity_id);
      if (busy.has(op.entity_id) || this.#retries.waitMs(op) > 0) continue;
      if (!(await gate.ready(op))) continue;
      if (findLocalRefs(op.path + JSON.stringify(op.body ?? null)).some((ref) => !ids.has(ref.entity, ref.id))) continue;
      picked.push(op);
    }
    return picked;
  }

  /**
   * Marks a batch as in flight under this drain's claim, in one transaction, and returns what it claimed as
   * it stands now: only operations still pending, so one held (or taken) since this drain read the queue is
   * never sent, and with their current body, so one rewritten since (a SCORM commit rebased after an earlier
   * merge) is never sent as it was.
   */
  async #claim(ops: readonly OutboxRow[]): Promise<OutboxRow[]> {
    if (ops.length === 0) return [];
    const { db } = this.options;
    const changes = { status: 'in_flight' as const, claimed_by: this.#runId, updated_at: this.options.now().toISOString() };
    return db.transaction('rw', db.outbox, async () => {
      const current = await db.outbox.bulkGet(ops.map((op) => op.seq ?? 0));
      const claimable = current.filter((row): row is OutboxRow => row?.status === 'pending');
      await db.outbox.bulkUpdate(claimable.map((row) => ({ key: row.seq ?? 0, changes })));
      return claimable.map((row) => ({ ...row, ...changes }));
    });
  }

  async #send(op: OutboxRow, ids: IdLookup, bodyOverride?: unknown, delivered?: (answer: unknown) => Promise<void>): Promise<SendOutcome> {
    const resolve = (text: string) => resolveLocalRefs(text, (entity, id) => ids.get(entity, id));
    const body = bodyOverride ?? op.body;
    const resolvedBody: unknown = body === undefined || body === null ? body : JSON.parse(resolve(JSON.stringify(body)));
    const request: RemoteRequest = {
      method: op.method,
      path: resolve(op.path),
      ...(resolvedBody === undefined ? {} : { body: resolvedBody }),
      idempotency_key: op.idempotency_key,
      ...(op.acting_user_id ? { on_behalf_of: op.acting_user_id } : {}),
    };
    const result = op.kind === 'xapi.statement' ? await sendStatement(this.options.remote, request) : await this.options.remote(request);
    let outcome = classifyResult(op, result);
    if (outcome.kind === 'conflict' && this.options.resolveConflict && bodyOverride === undefined) {
      const merged = await this.options.resolveConflict(op, outcome.body);
      if (merged) {
        await this.options.db.outbox.update(op.seq ?? 0, { body: merged.body });
        return this.#send({ ...op, body: merged.body }, ids, merged.body, merged.delivered);
      }
    }
    if (outcome.kind === 'done' && outcome.remoteId) {
      // The remote handed back a record another local one already stands for (an open attempt it returned
      // instead of creating one): recording it would merge two attempts. A person must look.
      const owner = await ids.ownerOf(entityOf(op), outcome.remoteId);
      if (owner !== undefined && owner !== `${entityOf(op)}:${op.entity_id}`) {
        outcome = { kind: 'dead', status: 200, code: 'REMOTE_RECORD_REUSED', message: `The remote answered with ${outcome.remoteId}, which another attempt on this kiosk already stands for` };
      }
    }
    const applied = await this.#apply(op, outcome);
    // Only once the answer is recorded as this drain's: a superseded claim's answer is not the kiosk's to adopt.
    if (applied.kind === 'done' && delivered && result.kind === 'response') await delivered(result.body);
    return applied;
  }

  async #apply(op: OutboxRow, outcome: Outcome): Promise<SendOutcome> {
    const now = this.options.now();
    const delayMs = outcome.kind === 'retry' ? (outcome.retryAfterMs ?? backoffDelayMs(op.attempts + 1, this.options.random)) : 0;
    const nextAttemptAt = new Date(now.getTime() + delayMs).toISOString();
    const recorded = await recordOutcome({ db: this.options.db, now, runId: this.#runId, nextAttemptAt }, op, outcome);
    if (recorded === null) return { kind: 'superseded' };
    if (outcome.kind === 'retry') this.#retries.schedule(op.id, delayMs);
    await this.steps.onOutcome(op, outcome);
    await this.options.onOutcome?.(op, outcome);
    if (outcome.kind === 'auth' || outcome.kind === 'offline') this.#paused = outcome.kind;
    if (outcome.kind === 'unknown_package' || outcome.kind === 'unsupported') return { kind: 'held', heldIds: recorded };
    return outcome;
  }
}

type SendOutcome = Exclude<Outcome, { kind: 'unknown_package' } | { kind: 'unsupported' }> | { kind: 'held'; heldIds: readonly string[] } | { kind: 'superseded' };
