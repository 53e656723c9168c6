import { Hono } from 'hono';
import { mountRoutes } from './request-pipeline';
import type { InstanceState, ServerEnv } from './request-pipeline';
import type { RequestCounterControl } from './request-counter';
import type { Route } from './route';
import { catalogRoutes } from './routes-catalog';
import { lessonPlayRoutes } from './routes-lesson-plays';
import { lrsRoutes } from './routes-lrs';
import { progressRoutes } from './routes-progress';
import { progressLogRoutes } from './routes-progress-logs';
import { scormRoutes } from './routes-scorm';
import { vrSessionRoutes } from './routes-vr-sessions';
import { xapiRoutes } from './routes-xapi';
import type { ServerDeps } from './server-deps';

/** Every endpoint the reference server answers. */
export function allRoutes(): Route[] {
  return [
    ...vrSessionRoutes(),
    ...catalogRoutes(),
    ...xapiRoutes(),
    ...lrsRoutes(),
    ...scormRoutes(),
    ...progressRoutes(),
    ...progressLogRoutes(),
    ...lessonPlayRoutes(),
  ];
}

export function buildApp(deps: ServerDeps, requests: RequestCounterControl, state: InstanceState): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  mountRoutes(app, allRoutes(), deps, requests, state);
  app.onError((error, c) => {
    // Only failures outside a route's transaction land here (e.g. a body the client stopped sending).
    state.errors.push(error);
    return c.json({ error: 'Internal Server Error' }, 500);
  });
  return app;
}
