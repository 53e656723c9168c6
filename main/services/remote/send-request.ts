import type { RemoteResult } from '../../../shared/sync/remote-contract';
import { parseRetryAfter } from '../../../shared/sync/retry-after';
import { redactToken } from './bound-token';
import { readAnswer } from './read-answer';

/**
 * One HTTP request to a system outside the kiosk (the API or the LRS), every outcome a value: a redirect is
 * answered as it is (following it could carry the credential to another origin), at most 1 MiB of the
 * answer is read, Retry-After and a redirect's Location are kept, a timeout and a transport failure are
 * told apart from an answer, and `secret` is redacted from anything returned.
 */
export async function sendRequest(doFetch: typeof fetch, url: URL, init: { method: string; headers: Record<string, string>; body?: string }, secret: string | null, timeoutMs: number): Promise<RemoteResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await doFetch(url, { ...init, redirect: 'manual', signal });
    const answer = await readAnswer(response, secret);
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), response.headers.get('date'), Date.now());
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    return {
      kind: 'response',
      status: response.status,
      body: answer.body,
      ...(answer.problem ? { body_problem: answer.problem } : {}),
      ...(retryAfter === null ? {} : { retry_after_ms: retryAfter }),
      ...(location === null ? {} : { location: redactToken(location, secret).slice(0, 300) }),
    };
  } catch (error) {
    if (signal.aborted) return { kind: 'timeout' };
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = cause ? `${(error as Error).message} (${cause})` : String((error as Error).message);
    return { kind: 'network', message: redactToken(message, secret) };
  }
}
