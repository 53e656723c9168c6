import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './store';
import type { Store } from './store';

interface Doc {
  readonly id: string;
  readonly owner: string | null;
  readonly done: boolean;
  readonly n: number;
}

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'outpost-store-'));
  store = openStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openStore', () => {
  it('finds by top-level fields, including booleans and null, in insertion order', () => {
    const docs = store.collection<Doc>('docs');
    docs.insert({ id: 'a', owner: 'x', done: false, n: 1 });
    docs.insert({ id: 'b', owner: null, done: true, n: 2 });
    docs.insert({ id: 'c', owner: 'x', done: true, n: 3 });
    expect(docs.find({ owner: 'x' }).map((d) => d.id)).toEqual(['a', 'c']);
    expect(docs.find({ done: true, owner: 'x' }).map((d) => d.id)).toEqual(['c']);
    expect(docs.find({ owner: null }).map((d) => d.id)).toEqual(['b']);
    expect(docs.count({ n: 2 })).toBe(1);
    expect(docs.last()?.id).toBe('c');
  });

  it('keeps a replaced document in its place, and refuses a duplicate insert', () => {
    const docs = store.collection<Doc>('docs');
    docs.insert({ id: 'a', owner: 'x', done: false, n: 1 });
    docs.insert({ id: 'b', owner: 'x', done: false, n: 2 });
    docs.put({ id: 'a', owner: 'x', done: true, n: 10 });
    expect(docs.find().map((d) => [d.id, d.n])).toEqual([['a', 10], ['b', 2]]);
    expect(() => docs.insert({ id: 'a', owner: 'y', done: false, n: 0 })).toThrow(/UNIQUE/);
  });

  it('keeps collections apart and rolls a failed transaction back whole', () => {
    const docs = store.collection<Doc>('docs');
    const other = store.collection<Doc>('other');
    other.insert({ id: 'a', owner: null, done: false, n: 0 });
    expect(() =>
      store.transaction(() => {
        docs.insert({ id: 'a', owner: null, done: false, n: 1 });
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(docs.count()).toBe(0);
    expect(other.count()).toBe(1);
  });

  it('refuses field names that are not plain identifiers', () => {
    expect(() => store.collection<Doc>('docs').find({ "owner') OR 1=1 --": 'x' })).toThrow(/plain field/);
  });

  it('survives close and reopen', () => {
    store.collection<Doc>('docs').insert({ id: 'a', owner: 'x', done: false, n: 1 });
    store.close();
    store = openStore(dir);
    expect(store.collection<Doc>('docs').get('a')).toEqual({ id: 'a', owner: 'x', done: false, n: 1 });
    expect(store.integrity()).toBe('ok');
  });
});
