import { useCallback, useSyncExternalStore } from 'react';
import { useServices } from '../ui/services-context';
import type { CatalogPullRecord } from '../sync/catalog-pull-log';
import type { SyncSnapshot } from '../sync/sync-scheduler';

/** The scheduler's latest snapshot; every component showing sync state reads the same one. */
export function useSyncSnapshot(): SyncSnapshot {
  const { sync } = useServices();
  const subscribe = useCallback((onChange: () => void) => sync.scheduler.subscribe(() => onChange()), [sync]);
  return useSyncExternalStore(subscribe, () => sync.scheduler.snapshot);
}

/** The latest catalog pull of this window, or null before the first. */
export function useLatestCatalogPull(): CatalogPullRecord | null {
  const { sync } = useServices();
  const subscribe = useCallback((onChange: () => void) => sync.catalogPulls.subscribe(onChange), [sync]);
  return useSyncExternalStore(subscribe, () => sync.catalogPulls.latest);
}
