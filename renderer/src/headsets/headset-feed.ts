import type { Headset } from '../../../shared/headsets/headset';
import type { AdbStatus } from '../../../shared/headsets/sideload-contract';
import type { Result } from '../../../shared/ipc/result';
import type { OutpostDb } from '../db/outpost-db';
import { mergeReadings, reconcileHeadsets } from './reconcile-headsets';

export interface HeadsetChannels {
  invoke(channel: 'headsets:list', payload: Record<string, never>): Promise<Result<{ headsets: Headset[]; adb: AdbStatus | null }>>;
  on(channel: 'headsets:changed', listener: (headsets: Headset[]) => void): () => void;
  on(channel: 'adb:status', listener: (status: AdbStatus) => void): () => void;
}

/**
 * Mirrors main's picture of the cart into Dexie (pages read the table, so the last known cart still
 * shows with main gone or restarted) and holds adb's status for whoever asks.
 */
export class HeadsetFeed {
  #adb: AdbStatus | null = null;
  #chain = Promise.resolve();
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly ipc: HeadsetChannels,
    private readonly db: OutpostDb,
    private readonly onError: (error: unknown) => void = console.error,
  ) {}

  start(): () => void {
    const offChanged = this.ipc.on('headsets:changed', (headsets) => this.#store(headsets));
    const offAdb = this.ipc.on('adb:status', (status) => this.#setAdb(status));
    void this.refresh();
    return () => {
      offChanged();
      offAdb();
    };
  }

  /** Asks main for the whole picture: at start, and after a dropped connection, which missed events. */
  async refresh(): Promise<void> {
    const result = await this.ipc.invoke('headsets:list', {});
    if (!result.ok) return;
    if (result.value.adb) this.#setAdb(result.value.adb);
    this.#store(result.value.headsets);
  }

  /** For useSyncExternalStore. */
  readonly adbStatus = (): AdbStatus | null => this.#adb;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #setAdb(status: AdbStatus): void {
    this.#adb = status;
    for (const listener of this.#listeners) listener();
  }

  /** One write at a time, so an older list can never land after a newer one. */
  #store(live: readonly Headset[]): void {
    this.#chain = this.#chain.then(() => writeHeadsets(this.db, live)).catch(this.onError);
  }
}

export async function writeHeadsets(db: OutpostDb, live: readonly Headset[]): Promise<void> {
  await db.transaction('rw', db.headsets, async () => {
    const stored = await db.headsets.toArray();
    const previous = new Map(stored.map((h) => [h.serial, h]));
    const merged = live.map((h) => mergeReadings(previous.get(h.serial), h));
    await db.headsets.bulkPut(reconcileHeadsets(stored, merged));
  });
}
