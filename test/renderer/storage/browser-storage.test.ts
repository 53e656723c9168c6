import { describe, expect, it, vi } from 'vitest';
import { estimateQuota, isPersisted, requestPersistence } from '../../../renderer/src/storage/browser-storage';
import type { StorageManagerLike } from '../../../renderer/src/storage/browser-storage';

/** A StorageManager that remembers whether persistence was asked for, and grants it or not. */
function fakeStorage(options: { persisted?: boolean; grant?: boolean; usage?: number; quota?: number } = {}) {
  let persisted = options.persisted ?? false;
  const persist = vi.fn(async () => {
    if (options.grant ?? true) persisted = true;
    return persisted;
  });
  const storage: StorageManagerLike = {
    persist,
    persisted: async () => persisted,
    estimate: async () => ({ ...(options.usage === undefined ? {} : { usage: options.usage }), ...(options.quota === undefined ? {} : { quota: options.quota }) }),
  };
  return { storage, persist };
}

describe('requestPersistence', () => {
  it('asks the browser to keep the data when it is not kept yet, and says whether it was granted', async () => {
    const granted = fakeStorage({ grant: true });
    expect(await requestPersistence(granted.storage)).toBe(true);
    expect(granted.persist).toHaveBeenCalledTimes(1);
    expect(await isPersisted(granted.storage)).toBe(true);

    const refused = fakeStorage({ grant: false });
    expect(await requestPersistence(refused.storage)).toBe(false);
    expect(refused.persist).toHaveBeenCalledTimes(1);
    expect(await isPersisted(refused.storage)).toBe(false);
  });

  it('does not ask again when the data is already kept', async () => {
    const kept = fakeStorage({ persisted: true });
    expect(await requestPersistence(kept.storage)).toBe(true);
    expect(kept.persist).not.toHaveBeenCalled();
  });

  it('answers null, not an exception, where the API is missing or fails', async () => {
    expect(await requestPersistence(null)).toBeNull();
    expect(await requestPersistence({})).toBeNull();
    expect(await requestPersistence({ persisted: () => Promise.reject(new Error('denied')) })).toBeNull();
    expect(await requestPersistence({ persisted: async () => false, persist: () => Promise.reject(new Error('denied')) })).toBeNull();
    expect(await isPersisted(null)).toBeNull();
    expect(await isPersisted({ persisted: () => Promise.reject(new Error('denied')) })).toBeNull();
  });
});

describe('estimateQuota', () => {
  it('reads used and available bytes', async () => {
    expect(await estimateQuota(fakeStorage({ usage: 1234, quota: 10_000 }).storage)).toEqual({ usage: 1234, quota: 10_000 });
  });

  it('answers null when the browser leaves a figure out or fails', async () => {
    expect(await estimateQuota(fakeStorage({ usage: 1234 }).storage)).toBeNull();
    expect(await estimateQuota(fakeStorage({ quota: 1234 }).storage)).toBeNull();
    expect(await estimateQuota({ estimate: () => Promise.reject(new Error('no')) })).toBeNull();
    expect(await estimateQuota(null)).toBeNull();
  });
});
