import { Hono } from 'hono';
import { InvalidTransitionError } from '../../../shared/vr/vr-session-status';
import { ApiFailure, json, vrError } from './api-response';
import { authenticate } from './authenticate';
import type { LocalApiDeps } from './local-api-deps';
import { completeVrSession } from './vr-session-complete-route';
import { createVrSession, listVrSessions } from './vr-sessions-routes';

export type LocalApi = (request: Request) => Promise<Response>;

/**
 * The seed APIs, offline: one web-standard fetch handler over Dexie, with the remote's paths, bodies,
 * status codes and error codes. The UI calls it through a typed client; tests call it with `new Request`.
 */
export function createLocalApi(deps: LocalApiDeps): LocalApi {
  const app = new Hono();

  app.get('/api/vr-sessions', async (c) => listVrSessions(deps, await authenticate(deps.db, c.req.raw, clock(deps)), c.req.raw));
  app.post('/api/vr-sessions', async (c) => createVrSession(deps, await authenticate(deps.db, c.req.raw, clock(deps)), c.req.raw));
  app.post('/api/vr-sessions/:sessionId/complete', async (c) =>
    completeVrSession(deps, await authenticate(deps.db, c.req.raw, clock(deps)), c.req.param('sessionId'), c.req.raw),
  );

  app.notFound(() => json({ error: 'Not found' }, 404));
  app.onError((error) => {
    if (error instanceof ApiFailure) return error.response;
    if (error instanceof InvalidTransitionError) return vrError('INVALID_TRANSITION', error.message);
    return vrError('DB_ERROR', 'Database error');
  });
  return async (request) => app.fetch(request);
}

function clock(deps: LocalApiDeps) {
  return { now: deps.now };
}
