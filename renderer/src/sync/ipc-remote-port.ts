import type { IpcClient } from '../bridge/ipc-client';
import type { RemotePort } from './sync-engine';

/**
 * Sync's way to the remote API: main sends the request, since only main holds the token and may use the
 * network. When IPC itself fails (the serve host's socket dropped, main restarting) the answer is a
 * network failure, which sync retries later, instead of an exception that would abort a whole drain.
 */
export function createIpcRemotePort(ipc: Pick<IpcClient, 'invoke'>): RemotePort {
  return async (request) => {
    try {
      const result = await ipc.invoke('remote:request', request);
      if (result.ok) return result.value;
      return { kind: 'network', message: `${result.error.code}: ${result.error.message}` };
    } catch (error) {
      return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
    }
  };
}
