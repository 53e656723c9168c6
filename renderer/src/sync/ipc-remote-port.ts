import type { IpcClient } from '../bridge/ipc-client';
import type { RemotePort } from './sync-engine';

/** HTTP-like status given to a request main refuses to send: the outbox keeps it as a dead letter. */
const REFUSED_STATUS = 400;

/**
 * Sync's way to the remote API: main sends the request, since only main holds the token and may use the
 * network, and only if it is one of main's named operations. A refusal can never succeed as sent, so it
 * comes back as a 400 the dead-letter list shows with main's code and reason. When IPC itself fails (the
 * serve host's socket dropped, main restarting) the answer is a network failure, which sync retries
 * later, instead of an exception that would abort a whole drain.
 */
export function createIpcRemotePort(ipc: Pick<IpcClient, 'invoke'>): RemotePort {
  return async (request) => {
    try {
      const result = await ipc.invoke('remote:request', request);
      if (result.ok) return result.value;
      if (result.error.code === 'REMOTE_OPERATION_REFUSED') {
        return { kind: 'response', status: REFUSED_STATUS, body: { code: result.error.code, error: result.error.message } };
      }
      return { kind: 'network', message: `${result.error.code}: ${result.error.message}` };
    } catch (error) {
      return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
    }
  };
}
