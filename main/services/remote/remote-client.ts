import type { RemoteRequest, RemoteResult } from '../../../shared/sync/remote-contract';
import type { SecretStore } from './secret-store';

export interface RemoteClientOptions {
  readonly baseUrl: () => Promise<string | null>;
  readonly secrets: SecretStore;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/**
 * main's HTTP transport to the remote API: adds the token (which only main holds), the idempotency key
 * and a timeout, and turns every outcome into a value. Transport failures are told apart from HTTP
 * answers, because sync retries the first and judges the second.
 */
export function createRemoteClient(options: RemoteClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return async function request(req: RemoteRequest): Promise<RemoteResult> {
    const base = await options.baseUrl();
    if (!base) return { kind: 'not_configured' };
    const token = await options.secrets.get();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (req.idempotency_key) headers['idempotency-key'] = req.idempotency_key;
    if (req.on_behalf_of) headers['x-outpost-user'] = req.on_behalf_of;
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    try {
      const response = await doFetch(new URL(req.path, base), {
        method: req.method,
        headers,
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        signal,
      });
      const text = await response.text();
      let body: unknown = null;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        body = { error: text.slice(0, 500) };
      }
      return { kind: 'response', status: response.status, body };
    } catch (error) {
      if (signal.aborted) return { kind: 'timeout' };
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { kind: 'network', message: cause ? `${(error as Error).message} (${cause})` : (error as Error).message };
    }
  };
}
