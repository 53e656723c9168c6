import { useCallback, useEffect, useState } from 'react';
import type { DiskSpace } from '../../../shared/storage/disk-space';
import type { IpcClient } from '../bridge/ipc-client';
import { useServices } from '../ui/services-context';
import { estimateQuota, isPersisted, requestPersistence } from './browser-storage';
import type { QuotaEstimate, StorageManagerLike } from './browser-storage';

export interface StorageStatus {
  /** null: not known yet, or the browser does not say. */
  readonly persisted: boolean | null;
  readonly quota: QuotaEstimate | null;
  readonly disk: DiskSpace | null;
  readonly loaded: boolean;
}

/** How often the Settings page looks again while it is open: a long import can fill the disk meanwhile. */
export const STORAGE_REFRESH_MS = 60_000;

type Ipc = Pick<IpcClient, 'invoke'>;

/** The kiosk disk as main sees it (`storage:status`); null when main does not say or cannot answer. */
export async function readKioskDisk(ipc: Ipc): Promise<DiskSpace | null> {
  try {
    const disk = await ipc.invoke('storage:status', {});
    return disk.ok ? disk.value : null;
  } catch {
    return null;
  }
}

/** One reading of everything the Settings page shows; `storage` is the browser's StorageManager unless a test passes its own. */
export async function readStorageStatus(ipc: Ipc, storage?: StorageManagerLike | null): Promise<StorageStatus> {
  const [persisted, quota, disk] = await Promise.all([isPersisted(storage), estimateQuota(storage), readKioskDisk(ipc)]);
  return { persisted, quota, disk, loaded: true };
}

/** The browser's persistence and quota and the kiosk disk (main's `storage:status`), refreshed while shown. */
export function useStorageStatus(): StorageStatus & { refresh(): Promise<void>; askPersistence(): Promise<void> } {
  const { ipc } = useServices();
  const [status, setStatus] = useState<StorageStatus>({ persisted: null, quota: null, disk: null, loaded: false });

  const read = useCallback(() => readStorageStatus(ipc), [ipc]);

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
