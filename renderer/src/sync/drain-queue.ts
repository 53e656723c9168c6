import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';

/**
 * Pending operations a drain holds in memory while it can send some of them. A week offline is 10,000
 * operations and more; holding them all made a drain's memory grow with the backlog. Rows are read in
 * recorded order as the oldest ones finish, so this many are held however long the backlog is, unless all
 * of them wait (on a retry time or a refused dependency): then more are read, so what does not depend on
 * them still goes.
 */
export const DRAIN_WINDOW = 1000;

/** Rows read from the table at once while looking for pending ones. */
const READ_CHUNK = 500;

/**
 * One drain's view of the outbox: a window of the pending operations in recorded order, what is
 * finished, and the rows recorded since the drain began. The table is read by primary-key range above the
 * last row read, so a drain picks up what learners record while it runs without rescanning, and memory
 * stays at the window's size.
 */
export class DrainQueue {
  /** Open (read, not finished) operations, in recorded order. */
  readonly #open = new Map<string, OutboxRow>();
  /** Every row with a lower or equal seq has been read (pending ones are in #open or finished). */
  #readUpTo = 0;
  /** Pending rows counted at load and not read yet (for progress: what remains beyond the window). */
  #unread = 0;
  /** The last read reached the end of the table (fewer rows than asked). */
  #atEnd = false;

  private constructor(
    private readonly db: OutpostDb,
    private readonly window: number,
  ) {}

  static async load(db: OutpostDb, window = DRAIN_WINDOW): Promise<DrainQueue> {
    const queue = new DrainQueue(db, window);
    // One read transaction, so a row recorded meanwhile is either counted here or read as new later.
    const [first, pending, last] = await db.transaction('r', db.outbox, () =>
      Promise.all([db.outbox.where('status').equals('pending').first(), db.outbox.where('status').equals('pending').count(), db.outbox.orderBy(':id').last()]),
    );
    if (first === undefined) {
      // Nothing pending: whatever is recorded from now on is new.
      queue.#readUpTo = last?.seq ?? 0;
      queue.#atEnd = true;
      return queue;
    }
    queue.#readUpTo = (first.seq ?? 1) - 1;
    queue.#unread = pending;
    await queue.takeNew();
    return queue;
  }

  /**
   * Tops the window up with the pending operations recorded next (or since the last look). Behind a
   * backlog longer than the window it reads once a quarter of the window has finished, a chunk at a time;
   * at the table's end, each time (a look above the last row, as cheap as a read can be).
   */
  async takeNew(): Promise<void> {
    if (!this.#atEnd && this.#open.size > this.window - Math.ceil(this.window / 4)) return;
    while (this.#open.size < this.window) {
      const asked = this.window - this.#open.size;
      if ((await this.#readChunk(asked)) < asked) return;
    }
  }

  /**
   * Reads past the window when nothing in it can go: returns whether any row was read (more may be
   * sendable), false when the table holds nothing beyond what was read.
   */
  async readMore(): Promise<boolean> {
    return (await this.#readChunk(READ_CHUNK)) > 0;
  }

  /** The operations not finished, in recorded order. */
  open(): IterableIterator<OutboxRow> {
    return this.#open.values();
  }

  /** Operations of this drain not finished: the window's open ones and the pending ones not read yet. */
  get remaining(): number {
    return this.#open.size + this.#unread;
  }

  finish(id: string): void {
    this.#open.delete(id);
  }

  /** Stays in the queue with one more attempt counted (its next backoff is longer). */
  retryLater(id: string): void {
    const op = this.#open.get(id);
    if (op) this.#open.set(id, { ...op, attempts: op.attempts + 1 });
  }

  /** The shortest positive wait among open operations, or null when none waits on a time. */
  soonestWait(waitMs: (op: OutboxRow) => number): number | null {
    let soonest: number | null = null;
    for (const op of this.#open.values()) {
      const wait = waitMs(op);
      if (wait > 0 && (soonest === null || wait < soonest)) soonest = wait;
    }
    return soonest;
  }

  /** Reads up to `limit` rows above the last one read (one key range), keeps the pending ones; returns how many rows it read. */
  async #readChunk(limit: number): Promise<number> {
    const rows = await this.db.outbox.where(':id').above(this.#readUpTo).limit(Math.max(limit, 1)).toArray();
    this.#atEnd = rows.length < limit;
    // The end of the table: every pending row counted at load was read (or stopped being pending).
    if (this.#atEnd) this.#unread = 0;
    for (const op of rows) {
      this.#readUpTo = Math.max(this.#readUpTo, op.seq ?? 0);
      if (op.status !== 'pending' || this.#open.has(op.id)) continue;
      this.#open.set(op.id, op);
      this.#unread = Math.max(0, this.#unread - 1);
    }
    return rows.length;
  }
}
