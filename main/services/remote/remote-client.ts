import { IpcFailure } from '../../../shared/ipc/result';
import type { RemoteRequest, RemoteResult } from '../../../shared/sync/remote-contract';
import { originOf, tokenFor } from './bound-token';
import { matchRemoteOperation } from './match-operation';
import { REMOTE_OPERATIONS } from './remote-operations';
import type { RemoteOperation } from './remote-operations';
import type { SecretStore } from './secret-store';
import { sendRequest } from './send-request';

export interface RemoteClientOptions {
  readonly baseUrl: () => Promise<string | null>;
  readonly secrets: SecretStore;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Sends a statement batch to the configured LRS (main/services/lrs); without it, LRS operations are not configured. */
  readonly lrs?: (statements: readonly unknown[]) => Promise<RemoteResult>;
}

/**
 * main's HTTP transport to the remote API. A request must be one of the named operations (checked,
 * body included, before the token is even read); then main adds the token (only for the origin it was
 * given for), the idempotency key and a timeout, and turns every outcome into a value. Transport failures
 * are told apart from HTTP answers, because sync retries the first and judges the second.
 */
export function createRemoteClient(options: RemoteClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return async function request(req: RemoteRequest): Promise<RemoteResult> {
    const match = matchRemoteOperation(req.method, req.path, req.body);
    if (!match.ok) throw new IpcFailure('REMOTE_OPERATION_REFUSED', match.reason);
    // The LRS has its own address and credentials; the device token never goes there.
    if ((REMOTE_OPERATIONS[match.operation] as RemoteOperation).target === 'lrs') return options.lrs ? options.lrs(req.body as unknown[]) : { kind: 'not_configured' };
    const base = await options.baseUrl();
    if (!base) return { kind: 'not_configured' };
    const url = new URL(match.path, base);
    if (url.origin !== originOf(base)) throw new IpcFailure('REMOTE_OPERATION_REFUSED', 'The request would leave the API address');
    const token = await tokenFor(options.secrets, base);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (req.idempotency_key) headers['idempotency-key'] = req.idempotency_key;
    if (req.on_behalf_of) headers['x-outpost-user'] = req.on_behalf_of;
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    return sendRequest(doFetch, url, { method: req.method, headers, ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}) }, token, options.timeoutMs ?? 30_000);
  };
}
