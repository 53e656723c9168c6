import type { OutpostDb } from '../db/outpost-db';

/** What every data-layer module writes with: the database and the clock/id ports (tests pass their own). */
export interface DataPorts {
  readonly db: OutpostDb;
  readonly now: () => Date;
  readonly newId: () => string;
}
