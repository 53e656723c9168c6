import type { RemoteRequest, RemoteResult } from '../../../shared/sync/remote-contract';
import { VR_SESSION_EXTENSION } from '../../../shared/xapi/outpost-iris';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

type StatementShape = { context?: { registration?: string; extensions?: Record<string, unknown> } };

/**
 * The statement as sent: its session extension now holds the remote's session id (sync rewrote the
 * `local:` reference), and that id becomes the registration when it is a UUID, as xAPI requires one. A
 * registration is never the kiosk's own session id: the LRS would join it with nothing the remote knows.
 */
export function withRemoteRegistration(request: RemoteRequest): RemoteRequest {
  const statement = request.body as StatementShape | null | undefined;
  const remoteId = statement?.context?.extensions?.[VR_SESSION_EXTENSION];
  if (!statement?.context || typeof remoteId !== 'string' || !UUID.test(remoteId)) return request;
  return { ...request, body: { ...statement, context: { ...statement.context, registration: remoteId.toLowerCase() } } };
}

/**
 * Sends a statement to the school's LRS as standard xAPI (`POST /statements` with a one-statement array;
 * main gathers statements sent together into one POST). With no LRS configured main answers
 * `not_configured` and the statement stays on the kiosk, held as `no_lrs` (docs/api/xapi.md): the remote API
 * records its own completion statement, so sending ours there would make two.
 */
export function sendStatement(remote: (request: RemoteRequest) => Promise<RemoteResult>, request: RemoteRequest): Promise<RemoteResult> {
  const { method: _method, path: _path, body, ...rest } = withRemoteRegistration(request);
  return remote({ ...rest, method: 'POST', path: '/statements', body: [body] });
}
