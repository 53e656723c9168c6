import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { OutpostDb } from '../../renderer/src/db/outpost-db';

/** A fresh, isolated IndexedDB per call: fake-indexeddb in Node, the real schema and Dexie on top. */
export function openTestDb(name = 'outpost-test'): OutpostDb {
  return new OutpostDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}
