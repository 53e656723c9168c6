import type { Transaction } from 'dexie';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';

export interface OutboxCounts {
  /** Pending or in flight: what sync still has to send. */
  readonly pending: number;
  readonly dead: number;
}

type Delta = { pending: number; dead: number };

const weight = (status: OutboxRow['status'] | undefined): Delta => ({
  pending: status === 'pending' || status === 'in_flight' ? 1 : 0,
  dead: status === 'dead' ? 1 : 0,
});

/**
 * The outbox's counts kept up to date by Dexie's table hooks: each write adjusts them by its own change
 * once its transaction commits (O(1) per operation), instead of recounting the table on every change,
 * which made a long drain quadratic. `recount()` reads the truth again (at start, and now and then for
 * writes made by other windows, which this window's hooks do not see).
 */
export class OutboxCountTracker {
  #counts: OutboxCounts = { pending: 0, dead: 0 };
  readonly #listeners = new Set<(counts: OutboxCounts, grew: boolean) => void>();
  readonly #unhook: Array<() => void> = [];

  constructor(private readonly db: OutpostDb) {}

  get counts(): OutboxCounts {
    return this.#counts;
  }

  subscribe(listener: (counts: OutboxCounts, grew: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(): void {
    const table = this.db.outbox;
    const apply = (tx: Transaction, delta: Delta) => {
      if (delta.pending === 0 && delta.dead === 0) return;
      tx.on('complete', () => this.#shift(delta));
    };
    const creating = (_key: unknown, row: OutboxRow, tx: Transaction) => apply(tx, weight(row.status));
    const updating = (changes: Partial<OutboxRow>, _key: unknown, row: OutboxRow, tx: Transaction) => {
      if (!('status' in changes)) return;
      const before = weight(row.status);
      const after = weight(changes.status);
      apply(tx, { pending: after.pending - before.pending, dead: after.dead - before.dead });
    };
    const deleting = (_key: unknown, row: OutboxRow, tx: Transaction) => {
      const before = weight(row.status);
      apply(tx, { pending: -before.pending, dead: -before.dead });
    };
    table.hook('creating', creating);
    table.hook('updating', updating);
    table.hook('deleting', deleting);
    this.#unhook.push(() => table.hook('creating').unsubscribe(creating));
    this.#unhook.push(() => table.hook('updating').unsubscribe(updating));
    this.#unhook.push(() => table.hook('deleting').unsubscribe(deleting));
  }

  stop(): void {
    for (const unhook of this.#unhook.splice(0)) unhook();
  }

  /** Counts the table (index counts) and publishes the result. */
  async recount(): Promise<OutboxCounts> {
    const { db } = this;
    // One equals() per status: anyOf() walks a cursor that fake-indexeddb makes quadratic (37 s for 10,000 rows).
    const count = (status: OutboxRow['status']) => db.outbox.where('status').equals(status).count();
    const [pending, inFlight, dead] = await db.transaction('r', db.outbox, () => Promise.all([count('pending'), count('in_flight'), count('dead')]));
    const grew = pending + inFlight > this.#counts.pending;
    this.#counts = { pending: pending + inFlight, dead };
    for (const listener of this.#listeners) listener(this.#counts, grew);
    return this.#counts;
  }

  #shift(delta: Delta): void {
    this.#counts = { pending: Math.max(0, this.#counts.pending + delta.pending), dead: Math.max(0, this.#counts.dead + delta.dead) };
    for (const listener of this.#listeners) listener(this.#counts, delta.pending > 0);
  }
}
