// The global IndexedDB is fake-indexeddb, installed by test/support/setup-indexeddb.ts before any test file.
import { OutpostDb } from '../../renderer/src/db/outpost-db';

let counter = 0;

/** A fresh, isolated database per call (a unique name on the shared fake factory). */
export function openTestDb(name = 'outpost-test'): OutpostDb {
  counter += 1;
  return new OutpostDb(`${name}-${counter}-${Math.random().toString(36).slice(2)}`);
}
