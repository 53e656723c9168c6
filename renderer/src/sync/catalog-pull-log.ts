import type { CatalogPullResult } from './catalog-pull';

export interface CatalogPullRecord {
  readonly at: string;
  readonly result: CatalogPullResult;
}

/**
 * The latest catalog pull and when it ran. The scheduler only reports whether a pull failed; the Sync
 * page also wants the counts and skipped items, so the pull is recorded on its way to the scheduler.
 */
export class CatalogPullLog {
  #latest: CatalogPullRecord | null = null;
  readonly #listeners = new Set<() => void>();

  constructor(private readonly now: () => Date) {}

  get latest(): CatalogPullRecord | null {
    return this.#latest;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  async record(pull: Promise<CatalogPullResult>): Promise<CatalogPullResult> {
    const result = await pull;
    this.#latest = { at: this.now().toISOString(), result };
    for (const listener of this.#listeners) listener();
    return result;
  }
}
