import type { RemoteResult } from '../../../shared/sync/remote-contract';
import { parseRetryAfter } from '../../../shared/sync/retry-after';
import type { LrsConfig } from '../../../shared/xapi/lrs-config';
import { XAPI_VERSION_HEADER } from '../../../shared/xapi/vocabulary';
import { redactToken } from '../remote/bound-token';
import { readAnswer } from '../remote/read-answer';

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
 * `X-Experience-API-Version`, Basic or token auth, never following a redirect, reading at most 1 MiB of the
 * answer, and every outcome as a value (as the remote client does). No LRS configured: `not_configured`.
 */
export function createLrsClient(options: LrsClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return async function postStatements(statements: readonly unknown[]): Promise<RemoteResult> {
    const config = await options.config();
    if (!config) return { kind: 'not_configured' };
    const auth = authorization(config);
    const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    try {
      const response = await doFetch(statementsUrl(config.endpoint), {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', authorization: auth.header, 'x-experience-api-version': XAPI_VERSION_HEADER },
        body: JSON.stringify(statements),
        redirect: 'manual',
        signal,
      });
      const answer = await readAnswer(response, auth.secret);
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), response.headers.get('date'), Date.now());
      return {
        kind: 'response',
        status: response.status,
        body: answer.body,
        ...(answer.problem ? { body_problem: answer.problem } : {}),
        ...(retryAfter === null ? {} : { retry_after_ms: retryAfter }),
      };
    } catch (error) {
      if (signal.aborted) return { kind: 'timeout' };
      return { kind: 'network', message: redactToken(String((error as Error).message), auth.secret) };
    }
  };
}
