import { HEADSET_ACTIONS, HEADSET_API_PREFIX, HEADSET_AUTH_SCHEME } from '../../../shared/headset-api/headset-api-wire';
import type { HeadsetAction } from '../../../shared/headset-api/headset-api-wire';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Host headers the server answers to: the app reaches it as its own localhost (adb reverse). */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * `/headset/v1/sessions/<uuid>/<action>`, matched as sent (no decoding, no dot segments, no query), in
 * one pass over a bounded string.
 */
export function parseHeadsetPath(url: string | undefined): { sessionId: string; action: HeadsetAction } | null {
  if (url === undefined || url.length > 200 || !url.startsWith(HEADSET_API_PREFIX)) return null;
  const rest = url.slice(HEADSET_API_PREFIX.length).split('/');
  if (rest.length !== 2) return null;
  const [sessionId, action] = rest as [string, string];
  if (!UUID.test(sessionId)) return null;
  const known = HEADSET_ACTIONS.find((a) => a === action);
  return known ? { sessionId, action: known } : null;
}

/** The token of `Authorization: Outpost-Headset <token>`; any other scheme (a learner's Bearer) is none. */
export function headsetToken(header: string | undefined): string | null {
  if (header === undefined || header.length > 200) return null;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space) !== HEADSET_AUTH_SCHEME) return null;
  const token = header.slice(space + 1).trim();
  return token.length > 0 ? token : null;
}

export interface HeadsetAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly retryAfterSeconds?: number;
}

/** Errors in the seed's shape, `{ error, code }`, so one client parser reads both APIs' refusals. */
export function refusal(status: number, code: string, error: string, retryAfterSeconds?: number): HeadsetAnswer {
  return retryAfterSeconds === undefined ? { status, body: { error, code } } : { status, body: { error, code }, retryAfterSeconds };
}
