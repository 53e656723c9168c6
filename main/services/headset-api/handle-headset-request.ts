import { HEADSET_BODY_SCHEMAS } from '../../../shared/headset-api/headset-api-wire';
import { issueDetails } from '../../../shared/ipc/format-issues';
import { headsetToken, isAllowedHost, parseHeadsetPath, refusal } from './headset-request';
import type { HeadsetAnswer } from './headset-request';
import type { LaunchTokens } from './launch-tokens';
import type { RateLimiter } from './rate-limit';
import type { RendererRelay } from './renderer-relay';

export interface IncomingHeadsetRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  /** Reads the body with its bounds; called only once the caller is authenticated. */
  readonly readBody: () => Promise<{ ok: true; text: string } | { ok: false; reason: 'too_large' | 'aborted' }>;
}

export interface HeadsetRequestDeps {
  readonly port: number;
  readonly tokens: LaunchTokens;
  readonly limiter: RateLimiter;
  readonly relay: RendererRelay;
  readonly bodyMaxBytes: number;
  readonly onSessionEnded: (sessionId: string) => void;
}

/**
 * One request from a headset, checked in the order that costs least first: host, origin, route, token,
 * session binding, rate, body size, JSON, shape. Only then does the renderer see it.
 */
export async function handleHeadsetRequest(request: IncomingHeadsetRequest, deps: HeadsetRequestDeps): Promise<HeadsetAnswer> {
  if (!isAllowedHost(request.host, deps.port)) return refusal(421, 'BAD_HOST', 'This server answers only to 127.0.0.1 and localhost');
  // Native apps send no Origin; a web page (on the kiosk or in the headset's browser) always does.
  if (request.origin !== undefined) return refusal(403, 'FORBIDDEN_ORIGIN', 'Browser pages may not call the headset API');
  const route = parseHeadsetPath(request.url);
  if (!route) return refusal(404, 'NOT_FOUND', 'No such headset endpoint');
  if (request.method !== 'POST') return refusal(405, 'METHOD_NOT_ALLOWED', 'Use POST');
  const token = headsetToken(request.authorization);
  const grant = token === null ? null : deps.tokens.verify(token);
  if (!grant) {
    if (!deps.limiter.take('unauthenticated')) return refusal(429, 'RATE_LIMITED', 'Too many requests', 1);
    return refusal(401, 'UNAUTHORIZED', 'Missing, unknown, expired or revoked launch token');
  }
  // Another session's id, even a real one, looks like a missing one: a token reaches its own session only.
  if (grant.sessionId !== route.sessionId) return refusal(404, 'SESSION_NOT_FOUND', 'VR session not found');
  if (!deps.limiter.take(grant.sessionId)) return refusal(429, 'RATE_LIMITED', 'Too many requests', 1);
  if (!/^application\/json(;|$)/i.test(request.contentType ?? '')) return refusal(400, 'VALIDATION_ERROR', 'Content-Type must be application/json');
  const read = await request.readBody();
  if (!read.ok) return read.reason === 'too_large' ? refusal(413, 'TOO_LARGE', `A body is at most ${deps.bodyMaxBytes} bytes`) : refusal(400, 'VALIDATION_ERROR', 'The body was cut short');
  let json: unknown;
  try {
    json = read.text.length === 0 ? {} : JSON.parse(read.text);
  } catch {
    return refusal(400, 'VALIDATION_ERROR', 'The body is not JSON');
  }
  const parsed = HEADSET_BODY_SCHEMAS[route.action].safeParse(json);
  if (!parsed.success) return { status: 400, body: { error: 'Invalid request body', code: 'VALIDATION_ERROR', details: issueDetails(parsed.error.issues) } };

  const outcome = await deps.relay.send(grant.serial, grant.sessionId, route.action, parsed.data);
  if (outcome.kind === 'no_window') return refusal(503, 'KIOSK_UNAVAILABLE', 'No Outpost window is open on the kiosk to record this; retry later', 5);
  if (outcome.kind === 'busy') return refusal(503, 'KIOSK_BUSY', 'The kiosk is busy; retry shortly', 1);
  if (outcome.kind === 'timeout') return refusal(504, 'KIOSK_TIMEOUT', 'The kiosk did not answer in time; retry the same request', 2);
  if (outcome.sessionEnded) deps.onSessionEnded(grant.sessionId);
  return { status: outcome.status, body: outcome.body };
}
