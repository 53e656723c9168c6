import type { Hono } from 'hono';
import type { LocalApiDeps } from './local-api-deps';
import { createDispatchRoute, launchDispatchRoute, revokeDispatchRoute, rotateDispatchRoute } from './scorm-dispatch-routes';
import { launchRoute } from './scorm-launch-route';
import { getSessionRoute, listSessionsRoute, refreshTokenRoute, updateSessionRoute } from './scorm-session-routes';

/** The SCORM session/launch seed on the kiosk (docs/api/scorm.md). */
export function registerScormRoutes(app: Hono, deps: LocalApiDeps): void {
  app.post('/api/v1/packages/:packageId/launch', (c) => launchRoute(deps, c.req.param('packageId'), c.req.raw));
  app.get('/api/v1/sessions', (c) => listSessionsRoute(deps, c.req.raw));
  app.get('/api/v1/sessions/:sessionId', (c) => getSessionRoute(deps, c.req.param('sessionId'), c.req.raw));
  app.put('/api/v1/sessions/:sessionId', (c) => updateSessionRoute(deps, c.req.param('sessionId'), c.req.raw));
  app.post('/api/v1/sessions/:sessionId/refresh-token', (c) => refreshTokenRoute(deps, c.req.param('sessionId'), c.req.raw));
  app.post('/api/v1/packages/:packageId/dispatches', (c) => createDispatchRoute(deps, c.req.param('packageId'), c.req.raw));
  app.post('/api/v1/dispatches/:dispatchId/rotate', (c) => rotateDispatchRoute(deps, c.req.param('dispatchId'), c.req.raw));
  app.delete('/api/v1/dispatches/:dispatchId', (c) => revokeDispatchRoute(deps, c.req.param('dispatchId'), c.req.raw));
  app.get('/player/dispatch/:handle', (c) => launchDispatchRoute(deps, c.req.param('handle'), c.req.raw));
}
