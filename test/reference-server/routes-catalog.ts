import type { ActivitiesResponse, LessonsResponse, RosterResponse, VrPackagesResponse } from '../../shared/schemas/catalog';
import { authenticateDevice } from './auth';
import { reply } from './reply';
import { route } from './route';
import type { Route } from './route';

/**
 * The catalog pull (Outpost's own contract, see shared/schemas/catalog.ts): whole lists straight from the
 * seed the server was started with, behind a Bearer token, with VR-style errors.
 */
export function catalogRoutes(): Route[] {
  return [
    route({
      method: 'GET',
      path: '/api/vr-packages',
      family: 'vr',
      authenticate: authenticateDevice,
      handle: (ctx) => reply(200, { packages: ctx.deps.seed.vr_packages } satisfies VrPackagesResponse),
    }),
    route({
      method: 'GET',
      path: '/api/activities',
      family: 'vr',
      authenticate: authenticateDevice,
      handle: (ctx) => reply(200, { activities: ctx.deps.seed.activities } satisfies ActivitiesResponse),
    }),
    route({
      method: 'GET',
      path: '/api/roster',
      family: 'vr',
      authenticate: authenticateDevice,
      handle: (ctx) => reply(200, { tenant_id: ctx.deps.seed.tenant_id, learners: ctx.deps.seed.learners } satisfies RosterResponse),
    }),
    route({
      method: 'GET',
      path: '/api/lessons',
      family: 'vr',
      authenticate: authenticateDevice,
      handle: (ctx) => reply(200, { lessons: ctx.deps.seed.lessons } satisfies LessonsResponse),
    }),
  ];
}
