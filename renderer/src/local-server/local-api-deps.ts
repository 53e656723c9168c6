import type { OutpostDb } from '../db/outpost-db';

export interface LocalApiDeps {
  readonly db: OutpostDb;
  readonly now: () => Date;
  readonly newId: () => string;
  /** IRIs for xAPI statements: the learner's account home page and the base of activity ids. */
  readonly xapi: { readonly accountHomePage: string; readonly activityIriBase: string };
}
