import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';

/** What the gate knows of an operation: enough to judge whether what waits on it may go. */
export type DepFacts = Pick<OutboxRow, 'id' | 'kind' | 'status' | 'depends_on'>;

/**
 * Whether an operation's dependencies let it go. A dependency is met when it was delivered. One kind of
 * dependency only orders things: a new attempt's create waits for the previous attempt's completion
 * (the remote would hand back the still-open session otherwise). When that previous attempt never reached
 * the remote (its own create was refused or discarded), nothing remote is open, so the new attempt goes
 * on instead of freezing behind a record a person has to look at.
 */
export class DependencyGate {
  readonly #facts = new Map<string, DepFacts | null>();

  constructor(private readonly db: OutpostDb) {}

  /** What this drain learned itself (sent, refused, held): no need to ask the database. */
  note(op: DepFacts): void {
    this.#facts.set(op.id, op);
  }

  async ready(op: OutboxRow): Promise<boolean> {
    for (const id of op.depends_on) {
      const dep = await this.#get(id);
      if (dep?.status === 'done') continue;
      if (op.kind === 'vr_session.create' && (await this.#neverReachedRemote(dep))) continue;
      return false;
    }
    return true;
  }

  /**
   * A previous attempt's completion that an instructor discarded, or whose session was never created
   * remotely (its create refused or discarded).
   */
  async #neverReachedRemote(dep: DepFacts | null): Promise<boolean> {
    if (dep === null) return true;
    if (dep.kind !== 'vr_session.complete') return false;
    for (const id of dep.depends_on) {
      const create = await this.#get(id);
      if (create === null || create.status === 'dead') return true;
    }
    return false;
  }

  async #get(id: string): Promise<DepFacts | null> {
    let facts = this.#facts.get(id);
    if (facts === undefined) {
      // A dependency from an earlier drain: ask the database once (an index look-up) and remember.
      const row = await this.db.outbox.where('id').equals(id).first();
      facts = row ? { id: row.id, kind: row.kind, status: row.status, depends_on: row.depends_on } : null;
      this.#facts.set(id, facts);
    }
    return facts;
  }
}
