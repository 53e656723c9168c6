import type { ErrorFamily, Reply } from './reply';
import type { RouteContext } from './server-deps';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** One endpoint, with the principal type erased so routes of every family fit in one table. */
export interface Route {
  readonly method: HttpMethod;
  /** Hono pattern, also the name the request counter and fault filters use. */
  readonly path: string;
  readonly family: ErrorFamily;
  /** Headers every answer of this route carries, errors included (the LRS's X-Experience-API-Version). */
  readonly responseHeaders?: Readonly<Record<string, string>>;
  /**
   * Authenticates (throwing ReplyError) and returns the step that does the work. Both run inside the
   * request's transaction; the split lets an idempotent replay happen after authentication, so an
   * expired token is refused even for a request the server has already seen.
   */
  readonly prepare: (ctx: RouteContext) => () => Reply;
}

export interface RouteSpec<P> {
  readonly method: HttpMethod;
  readonly path: string;
  readonly family: ErrorFamily;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly authenticate: (ctx: RouteContext) => P;
  readonly handle: (ctx: RouteContext, principal: P) => Reply;
}

export function route<P>(spec: RouteSpec<P>): Route {
  return {
    method: spec.method,
    path: spec.path,
    family: spec.family,
    ...(spec.responseHeaders ? { responseHeaders: spec.responseHeaders } : {}),
    prepare: (ctx) => {
      const principal = spec.authenticate(ctx);
      return () => spec.handle(ctx, principal);
    },
  };
}
