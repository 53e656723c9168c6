import { useCallback, useEffect, useState } from 'react';
import type { DiskSpace } from '../../../shared/storage/disk-space';
import { useServices } from '../ui/services-context';
import { estimateQuota, isPersisted, requestPersistence } from './browser-storage';
import type { QuotaEstimate } from './browser-storage';

export interface StorageStatus {
  /** null: not known yet, or the browser does not say. */
  readonly persisted: boolean | null;
  readonly quota: QuotaEstimate | null;
  readonly disk: DiskSpace | null;
  readonly loaded: boolean;
}

/** How often the Settings page looks again while it is open: a long import can fill the disk meanwhile. */
export const STORAGE_REFRESH_MS = 60_000;

/** The browser's persistence and quota and the kiosk disk (main's `storage:status`), refreshed while shown. */
export function useStorageStatus(): StorageStatus & { refresh(): Promise<void>; askPersistence(): Promise<void> } {
  const { ipc } = useServices();
  const [status, setStatus] = useState<StorageStatus>({ persisted: null, quota: null, disk: null, loaded: false });

  const read = useCallback(async (): Promise<StorageStatus> => {
    const [persisted, quota, disk] = await Promise.all([isPersisted(), estimateQuota(), ipc.invoke('storage:status', {})]);
    return { persisted, quota, disk: disk.ok ? disk.value : null, loaded: true };
  }, [ipc]);

  const refresh = useCallback(async () => setStatus(await read()), [read]);

  const askPersistence = useCallback(async () => {
    await requestPersistence();
    await refresh();
  }, [refresh]);

  useEffect(() => {
    let live = true;
    const load = () => void read().then((next) => live && setStatus(next));
    load();
    const timer = setInterval(load, STORAGE_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [read]);

  return { ...status, refresh, askPersistence };
}
