import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';

/**
 * One drain's view of the outbox: the pending operations in recorded order, what is finished, and the
 * rows recorded since the drain began (read by key range above the last seq seen, so a drain picks up
 * what learners record while it runs at the cost of one index look-up, not a rescan).
 */
export class DrainQueue {
  readonly #ops: OutboxRow[] = [];
  readonly #index = new Map<string, number>();
  readonly #finished = new Set<string>();
  #head = 0;
  #lastSeq = 0;

  static async load(db: OutpostDb): Promise<DrainQueue> {
    const queue = new DrainQueue();
    queue.#add(await db.outbox.where('status').equals('pending').sortBy('seq'));
    const last = await db.outbox.orderBy(':id').last();
    queue.#lastSeq = Math.max(queue.#lastSeq, last?.seq ?? 0);
    return queue;
  }

  /** Adds the pending operations recorded since the last look. */
  async takeNew(db: OutpostDb): Promise<void> {
    const fresh = await db.outbox.where(':id').above(this.#lastSeq).toArray();
    for (const op of fresh) this.#lastSeq = Math.max(this.#lastSeq, op.seq ?? 0);
    this.#add(fresh.filter((op) => op.status === 'pending'));
  }

  /** Whether anything was recorded since the last look. */
  async hasNew(db: OutpostDb): Promise<boolean> {
    return (await db.outbox.where(':id').above(this.#lastSeq).count()) > 0;
  }

  /** The operations not finished, in recorded order. */
  *open(): Generator<OutboxRow> {
    // Everything before the head is finished; operations finish roughly in order, so scans stay short.
    while (this.#head < this.#ops.length && this.#finished.has(this.#ops[this.#head]?.id ?? '')) this.#head += 1;
    for (let i = this.#head; i < this.#ops.length; i++) {
      const op = this.#ops[i]!;
      if (!this.#finished.has(op.id)) yield op;
    }
  }

  get remaining(): number {
    return this.#ops.length - this.#finished.size;
  }

  finish(id: string): void {
    if (this.#index.has(id)) this.#finished.add(id);
  }

  /** Stays in the queue with one more attempt counted (its next backoff is longer). */
  retryLater(id: string): void {
    const i = this.#index.get(id);
    const op = i === undefined ? undefined : this.#ops[i];
    if (i !== undefined && op) this.#ops[i] = { ...op, attempts: op.attempts + 1 };
  }

  /** The shortest positive wait among open operations, or null when none waits on a time. */
  soonestWait(waitMs: (op: OutboxRow) => number): number | null {
    let soonest: number | null = null;
    for (const op of this.open()) {
      const wait = waitMs(op);
      if (wait > 0 && (soonest === null || wait < soonest)) soonest = wait;
    }
    return soonest;
  }

  #add(ops: readonly OutboxRow[]): void {
    for (const op of ops) {
      if (this.#index.has(op.id)) continue;
      this.#index.set(op.id, this.#ops.length);
      this.#ops.push(op);
      this.#lastSeq = Math.max(this.#lastSeq, op.seq ?? 0);
    }
  }
}
