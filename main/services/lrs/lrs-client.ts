import type { RemoteResult } from '../../../shared/sync/remote-contract';
import type { LrsConfig } from '../../../shared/xapi/lrs-config';
import { XAPI_VERSION_HEADER } from '../../../shared/xapi/vocabulary';
import { sendRequest } from '../remote/send-request';

export interface LrsClientOptions {
  readonly config: () => Promise<LrsConfig | null>;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

function authorization(config: LrsConfig): { header: string; secret: string } {
  if (config.auth.kind === 'token') return { header: `Bearer ${config.auth.token}`, secret: config.auth.token };
  const basic = Buffer.from(`${config.auth.username}:${config.auth.password}`, 'utf8').toString('base64');
  return { header: `Basic ${basic}`, secret: basic };
}

/** `<endpoint>/statements`, the endpoint normalised by the URL API (a trailing slash added, nothing typed kept). */
export function statementsUrl(endpoint: string): URL {
  const base = new URL(endpoint);
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  return new URL('statements', base);
}

/**
 * Sends statements to the configured LRS as standard xAPI: `POST <endpoint>/statements` with an array,
 * `X-Experience-API-Version`, Basic or token auth, through the same bounded request as the API's
 * (sendRequest: no redirect followed, at most 1 MiB read, every outcome a value, the secret redacted).
 * No LRS configured: `not_configured`.
 */
export function createLrsClient(options: LrsClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return async function postStatements(statements: readonly unknown[]): Promise<RemoteResult> {
    const config = await options.config();
    if (!config) return { kind: 'not_configured' };
    const auth = authorization(config);
    const headers = { accept: 'application/json', 'content-type': 'application/json', authorization: auth.header, 'x-experience-api-version': XAPI_VERSION_HEADER };
    return sendRequest(doFetch, statementsUrl(config.endpoint), { method: 'POST', headers, body: JSON.stringify(statements) }, auth.secret, options.timeoutMs ?? 30_000);
  };
}
