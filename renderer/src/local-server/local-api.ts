import { Hono } from 'hono';
import { InvalidTransitionError } from '../../../shared/vr/vr-session-status';
import { ApiFailure, json, vrError } from './api-response';
import { authenticate, authenticatedUserId, learnerProfile } from './authenticate';
import { lessonPlayError } from './lesson-play-errors';
import { createLessonPlayRoute, getLessonPlayRoute, listLessonPlays, patchLessonPlayRoute, putLessonPlayResultsRoute } from './lesson-play-routes';
import type { LocalApiDeps } from './local-api-deps';
import { registerScormRoutes } from './scorm-routes';
import { registerLoggerRoutes } from './logger-routes';
import { completeVrSession } from './vr-session-complete-route';
import { createVrSession, listVrSessions } from './vr-sessions-routes';

export type LocalApi = (request: Request) => Promise<Response>;

/**
 * The seed APIs, offline: one web-standard fetch handler over Dexie, with the remote's paths, bodies,
 * status codes and error codes. The UI calls it through a typed client; tests call it with `new Request`.
 */
export function createLocalApi(deps: LocalApiDeps): LocalApi {
  const app = new Hono();

  app.get('/api/vr-sessions', async (c) => {
    const userId = await authenticatedUserId(deps.db, c.req.raw, clock(deps));
    return listVrSessions(deps, userId, learnerProfile(deps.db, userId), c.req.raw);
  });
  app.post('/api/vr-sessions', async (c) => createVrSession(deps, await authenticate(deps.db, c.req.raw, clock(deps)), c.req.raw));
  app.post('/api/vr-sessions/:sessionId/complete', async (c) =>
    completeVrSession(deps, await authenticate(deps.db, c.req.raw, clock(deps)), c.req.param('sessionId'), c.req.raw),
  );

  // Lesson plays (docs/api/lesson-plays.md): each route authenticates for itself (ID token or instructor).
  app.get('/api/lesson-plays', (c) => listLessonPlays(deps, c.req.raw));
  app.post('/api/lesson-plays', (c) => createLessonPlayRoute(deps, c.req.raw));
  app.get('/api/lesson-plays/:lessonPlayId', (c) => getLessonPlayRoute(deps, c.req.raw, c.req.param('lessonPlayId')));
  app.patch('/api/lesson-plays/:lessonPlayId', (c) => patchLessonPlayRoute(deps, c.req.raw, c.req.param('lessonPlayId')));
  app.put('/api/lesson-plays/:lessonPlayId/results', (c) => putLessonPlayResultsRoute(deps, c.req.raw, c.req.param('lessonPlayId')));

  registerLoggerRoutes(app, deps);

  registerScormRoutes(app, deps);

  app.notFound(() => json({ error: 'Not found' }, 404));
  app.onError((error, c) => {
    if (error instanceof ApiFailure) return error.response;
    if (new URL(c.req.url).pathname.startsWith('/api/lesson-plays')) return lessonPlayError(500, 'Internal Server Error');
    if (error instanceof InvalidTransitionError) return vrError('INVALID_TRANSITION', error.message);
    return vrError('DB_ERROR', 'Database error');
  });
  return async (request) => app.fetch(request);
}

function clock(deps: LocalApiDeps) {
  return { now: deps.now };
}
