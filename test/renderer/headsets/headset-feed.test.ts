import { describe, expect, it } from 'vitest';
import type { Headset } from '../../../shared/headsets/headset';
import type { AdbStatus } from '../../../shared/headsets/sideload-contract';
import { ok } from '../../../shared/ipc/result';
import { HeadsetFeed } from '../../../renderer/src/headsets/headset-feed';
import type { HeadsetChannels } from '../../../renderer/src/headsets/headset-feed';
import { openTestDb } from '../../support/fake-db';
import { headsetRow } from './headset-fixtures';

/** main's side of the feed: an answer to headsets:list, and a way to push events. */
function fakeMain(headsets: Headset[], adb: AdbStatus | null) {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const ipc = {
    invoke: async () => ok({ headsets, adb }),
    on(channel: string, listener: (payload: never) => void) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  } as unknown as HeadsetChannels;
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload as never);
  };
  return { ipc, emit, listeners };
}

describe('HeadsetFeed', () => {
  it('mirrors main’s cart into Dexie, remembering headsets from before as disconnected', async () => {
    const db = openTestDb('headset-feed');
    await db.headsets.put(headsetRow('q2-from-yesterday', 'device', 'Quest 2'));
    const main = fakeMain([headsetRow('q3', 'device')], { ok: true, started: false });
    const feed = new HeadsetFeed(main.ipc, db);
    const stop = feed.start();
    await expect.poll(() => db.headsets.count()).toBe(2);
    expect(await db.headsets.get('q2-from-yesterday')).toMatchObject({ state: 'disconnected', model: 'Quest 2' });
    expect(feed.adbStatus()).toEqual({ ok: true, started: false });

    main.emit('headsets:changed', [{ ...headsetRow('q3', 'device'), battery_level: 12 }]);
    await expect.poll(async () => (await db.headsets.get('q3'))?.battery_level).toBe(12);
    stop();
    expect([...main.listeners.values()].every((set) => set.size === 0)).toBe(true);
  });

  it('tells subscribers when adb turns out to be missing', async () => {
    const main = fakeMain([], null);
    const feed = new HeadsetFeed(main.ipc, openTestDb('headset-feed-adb'));
    feed.start();
    const seen: Array<AdbStatus | null> = [];
    feed.subscribe(() => seen.push(feed.adbStatus()));
    main.emit('adb:status', { ok: false, reason: 'adb_missing', message: 'spawn adb ENOENT' });
    expect(seen).toEqual([{ ok: false, reason: 'adb_missing', message: 'spawn adb ENOENT' }]);
  });
});
