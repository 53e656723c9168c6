import type { ParsedCatalogSeed } from './catalog-seed';
import type { FaultController } from './faults';
import type { Store } from './store';

/** What every route needs, for one running instance (a restart builds a new one over the same data). */
export interface ServerDeps {
  readonly store: Store;
  readonly seed: ParsedCatalogSeed;
  readonly faults: FaultController;
  readonly now: () => Date;
  readonly newId: () => string;
  /** http://127.0.0.1:PORT, for the URLs the server hands out (SCORM launch links). */
  readonly baseUrl: string;
}

/** The part of a request a route may read; the body has already been read as text. */
export interface RouteContext {
  readonly deps: ServerDeps;
  readonly method: string;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: Headers;
  readonly bodyText: string;
  /**
   * Filled in by authentication with the caller's user id. Idempotency keys are scoped to it, so one
   * user's key can never replay another user's response.
   */
  readonly caller: { userId: string | null };
}
