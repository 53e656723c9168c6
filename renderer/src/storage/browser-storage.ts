/**
 * The browser's storage for the app's database (IndexedDB): whether it is persistent (not cleared when the
 * disk runs short) and how much of its quota is used. Every call answers null where the API is missing or
 * fails, so a kiosk without it still works and says "unknown".
 */
export interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

function manager(): StorageManagerLike | null {
  return typeof navigator !== 'undefined' && 'storage' in navigator ? (navigator.storage as StorageManagerLike) : null;
}

/** Asks for persistent storage (once at start, and when the instructor asks again); true when granted. */
export async function requestPersistence(storage: StorageManagerLike | null = manager()): Promise<boolean | null> {
  try {
    if (!storage?.persisted) return null;
    if (await storage.persisted()) return true;
    return storage.persist ? await storage.persist() : false;
  } catch {
    return null;
  }
}

export async function isPersisted(storage: StorageManagerLike | null = manager()): Promise<boolean | null> {
  try {
    return storage?.persisted ? await storage.persisted() : null;
  } catch {
    return null;
  }
}

export interface QuotaEstimate {
  readonly usage: number;
  readonly quota: number;
}

export async function estimateQuota(storage: StorageManagerLike | null = manager()): Promise<QuotaEstimate | null> {
  try {
    const estimate = storage?.estimate ? await storage.estimate() : null;
    if (!estimate || typeof estimate.usage !== 'number' || typeof estimate.quota !== 'number') return null;
    return { usage: estimate.usage, quota: estimate.quota };
  } catch {
    return null;
  }
}
