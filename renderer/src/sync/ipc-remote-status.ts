import type { RemoteStatus } from '../../../shared/sync/remote-contract';
import type { IpcClient } from '../bridge/ipc-client';
import type { SyncSchedulerDeps } from './sync-scheduler';

/**
 * Whether the API answers and accepts the token, as main judges it. A failed IPC call is thrown rather
 * than guessed into a status: the scheduler keeps its last known state and reports the problem.
 */
export function createRemoteStatusPorts(ipc: Pick<IpcClient, 'invoke' | 'on'>): Pick<SyncSchedulerDeps, 'checkRemote' | 'onRemoteStatus'> {
  return {
    async checkRemote(refresh: boolean): Promise<RemoteStatus> {
      const result = await ipc.invoke('remote:status', { refresh });
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    onRemoteStatus: (listener) => ipc.on('remote:status', listener),
  };
}
