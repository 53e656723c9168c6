import { findLocalRefs } from '../../../shared/sync/local-ref';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';

const keyOf = (entity: string, id: string) => `${entity}:${id}`;

/**
 * One drain's view of the id map (local id -> the remote's id), read as the drain needs it: the ids the
 * operations it looks at refer to, one bulk read per batch of newly seen operations. A kiosk that has synced
 * 100,000 records has an id map as long; reading it whole at every drain cost a drain seconds and tens of
 * MiB before it sent anything. What the drain learns (answers it records) is added as it goes.
 */
export class IdLookup {
  /** Looked up: the remote id, or null when the map had none when read. */
  readonly #known = new Map<string, string | null>();
  /** Remote ids this drain recorded, per entity: `entity:remote` -> `entity:local`. */
  readonly #claimed = new Map<string, string>();
  readonly #seenOps = new Set<string>();

  constructor(private readonly db: OutpostDb) {}

  /** Reads the ids that operations not seen before refer to (their own record's and every local reference). */
  async load(ops: Iterable<OutboxRow>): Promise<void> {
    const wanted = new Map<string, [string, string]>();
    for (const op of ops) {
      if (this.#seenOps.has(op.id)) continue;
      this.#seenOps.add(op.id);
      for (const ref of findLocalRefs(op.path + JSON.stringify(op.body ?? null))) {
        const key = keyOf(ref.entity, ref.id);
        if (!this.#known.has(key)) wanted.set(key, [ref.entity, ref.id]);
      }
    }
    if (wanted.size === 0) return;
    const keys = [...wanted.values()];
    const rows = await this.db.idMap.bulkGet(keys);
    keys.forEach(([entity, id], i) => {
      const key = keyOf(entity, id);
      // A value learned meanwhile (an answer recorded while the read ran) is newer than the read.
      if (!this.#known.get(key)) this.#known.set(key, rows[i]?.remote_id ?? null);
    });
  }

  /** The remote id of a local record, if the map had it when loaded or this drain recorded it. */
  get(entity: string, id: string): string | undefined {
    return this.#known.get(keyOf(entity, id)) ?? undefined;
  }

  has(entity: string, id: string): boolean {
    return this.get(entity, id) !== undefined;
  }

  /** Notes an answer this drain recorded (the id map row is written with the outcome). */
  learn(entity: string, localId: string, remoteId: string, claims = false): void {
    this.#known.set(keyOf(entity, localId), remoteId);
    if (claims) this.#claimed.set(keyOf(entity, remoteId), keyOf(entity, localId));
  }

  /**
   * Which local record of `entity` already stands for `remoteId` (`entity:local`), from this drain's own
   * answers or the id map's remote_id index; undefined when none does.
   */
  async ownerOf(entity: string, remoteId: string): Promise<string | undefined> {
    const mine = this.#claimed.get(keyOf(entity, remoteId));
    if (mine !== undefined) return mine;
    const rows = await this.db.idMap.where('remote_id').equals(remoteId).toArray();
    const row = rows.find((r) => r.entity === entity);
    return row ? keyOf(entity, row.local_id) : undefined;
  }
}
