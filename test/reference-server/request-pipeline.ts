import type { HttpBindings } from '@hono/node-server';
import type { Context, Hono } from 'hono';
import { findStoredReply, idempotencyKeyFrom, IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, rememberReply, requestFingerprint } from './idempotency';
import { internalErrorReply, ReplyError } from './reply';
import type { ErrorFamily, Reply } from './reply';
import type { CannedAnswer, FaultController, RequestFacts } from './faults';
import { routeKey, UNMATCHED_ROUTE } from './request-counter';
import type { RequestCounterControl } from './request-counter';
import type { Route } from './route';
import type { RouteContext, ServerDeps } from './server-deps';
import { dropConnection, hangUntilClosed, sleep } from './socket-faults';
import type { HangRegistry } from './socket-faults';

export type ServerEnv = { Bindings: HttpBindings };

/** Per-instance state the pipeline shares with start/stop. */
export interface InstanceState {
  stopped: boolean;
  readonly hangs: HangRegistry;
  /** Unexpected exceptions (answered 500), newest last, for debugging a failing test. */
  readonly errors: unknown[];
}

interface Outcome {
  readonly status: number;
  readonly bodyText: string | null;
  readonly replayed: boolean;
}

const MAX_ERRORS_KEPT = 20;
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Every request goes through the same steps, so each fault lands at a precise point:
 * count -> delay -> hang -> injected failure -> read body -> reset-before-write ->
 * [one transaction: authenticate -> idempotent replay or the work -> remember the reply] ->
 * reset-after-write -> respond.
 */
export function mountRoutes(app: Hono<ServerEnv>, routes: readonly Route[], deps: ServerDeps, requests: RequestCounterControl, state: InstanceState): void {
  for (const r of routes) app.on(r.method, r.path, (c) => handle(c, r, deps, requests, state));
  app.notFound((c) => {
    requests.increment(routeKey(c.req.method, UNMATCHED_ROUTE));
    return c.json({ error: 'Not found' }, 404);
  });
}

async function handle(c: Context<ServerEnv>, r: Route, deps: ServerDeps, requests: RequestCounterControl, state: InstanceState): Promise<Response> {
  const url = new URL(c.req.url);
  const facts = { method: r.method, path: url.pathname, route: r.path };
  requests.increment(routeKey(r.method, r.path));
  const socket = c.env.incoming.socket;
  const { faults } = deps;

  const delay = faults.takeDelay(facts);
  if (delay > 0) await sleep(delay);
  const hang = faults.takeHang(facts);
  if (hang) {
    await hangUntilClosed(socket, hang.maxHangMs, state.hangs);
    return dropConnection(socket);
  }
  const failure = faults.takeFailure(facts);
  if (failure) return new Response(failure.body, { status: failure.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const canned = faults.takeCanned(facts);
  if (canned) return cannedResponse(canned);

  const bodyText = r.method === 'GET' ? '' : await c.req.text();
  // A request still in flight when its instance stopped must not touch the (closed) store.
  if (state.stopped || faults.takeResetBeforeWrite(facts)) return dropConnection(socket);

  const ctx: RouteContext = { deps, method: r.method, url, params: c.req.param(), headers: c.req.raw.headers, bodyText, caller: { userId: null } };
  const key = r.method !== 'GET' && faults.honourIdempotencyKeys ? idempotencyKeyFrom(c.req.header(IDEMPOTENCY_KEY_HEADER)) : null;
  const outcome = asRepeatedCompletionConflict(execute(ctx, r, key, state), facts, faults);
  if (faults.takeResetAfterWrite(facts)) return dropConnection(socket);

  const headers: Record<string, string> = { ...r.responseHeaders };
  if (outcome.bodyText !== null) headers['Content-Type'] = JSON_TYPE;
  if (outcome.bodyText !== null && outcome.status < 300 && faults.takeTruncate(facts)) {
    return new Response(outcome.bodyText.slice(0, Math.floor(outcome.bodyText.length / 2)), { status: outcome.status, headers });
  }
  if (outcome.replayed) headers[IDEMPOTENT_REPLAYED_HEADER] = 'true';
  return new Response(outcome.bodyText, { status: outcome.status, headers });
}

/** The seed's 400 ALREADY_COMPLETED for a repeated completion, answered 409 when a test asked for it. */
function asRepeatedCompletionConflict(outcome: Outcome, facts: RequestFacts, faults: FaultController): Outcome {
  if (outcome.status !== 400 || outcome.bodyText === null || (JSON.parse(outcome.bodyText) as { code?: unknown }).code !== 'ALREADY_COMPLETED') return outcome;
  const body = faults.takeRepeatedCompletionConflict(facts);
  return body ? { status: 409, bodyText: JSON.stringify(body), replayed: false } : outcome;
}

const PORTAL_PAGE = '<!doctype html><html><head><title>Sign in to the school Wi-Fi</title></head><body><form>Accept the terms</form></body></html>';

function cannedResponse(answer: CannedAnswer): Response {
  if (answer.kind === 'redirect') return new Response(null, { status: answer.status, headers: { Location: answer.location } });
  if (answer.kind === 'status') return new Response(JSON.stringify({ error: 'Not found' }), { status: answer.status, headers: { 'Content-Type': JSON_TYPE } });
  if (answer.kind === 'html') return new Response(PORTAL_PAGE, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  if (answer.kind === 'json') return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': JSON_TYPE } });
  return new Response(JSON.stringify({ error: 'Slow down', code: 'RATE_LIMITED' }), { status: answer.status, headers: { 'Content-Type': JSON_TYPE, 'Retry-After': answer.value } });
}

function execute(ctx: RouteContext, r: Route, key: string | null, state: InstanceState): Outcome {
  const { store } = ctx.deps;
  try {
    return store.transaction((): Outcome => {
      const work = r.prepare(ctx);
      const fingerprint = key ? requestFingerprint(ctx.method, ctx.url, ctx.bodyText, ctx.caller.userId) : '';
      if (key) {
        const stored = findStoredReply(store, key);
        if (stored && stored.fingerprint !== fingerprint) throw new ReplyError(keyReusedReply(r.family));
        if (stored) return { status: stored.status, bodyText: stored.body_text, replayed: true };
      }
      const reply = work();
      const outcome = { status: reply.status, bodyText: reply.body === undefined ? null : JSON.stringify(reply.body), replayed: false };
      // Only successes are remembered: a refused request wrote nothing, so a corrected retry under the
      // same key must be free to succeed (e.g. a SCORM PUT retried with the merged version after a 409).
      if (key && reply.status >= 200 && reply.status < 300) {
        rememberReply(store, { id: key, fingerprint, status: outcome.status, body_text: outcome.bodyText, created_at: ctx.deps.now().toISOString() });
      }
      return outcome;
    });
  } catch (error) {
    const reply = error instanceof ReplyError ? error.reply : internalError(r.family, error, state);
    return { status: reply.status, bodyText: reply.body === undefined ? null : JSON.stringify(reply.body), replayed: false };
  }
}

function internalError(family: ErrorFamily, error: unknown, state: InstanceState): Reply {
  state.errors.push(error);
  if (state.errors.length > MAX_ERRORS_KEPT) state.errors.shift();
  return internalErrorReply(family);
}

const KEY_REUSED = 'Idempotency-Key was already used for a different request';

function keyReusedReply(family: ErrorFamily): Reply {
  if (family === 'lesson-plays') return { status: 422, body: { error: KEY_REUSED } };
  // The VR error codes have nothing closer than VALIDATION_ERROR; the status still says 422.
  return { status: 422, body: { error: KEY_REUSED, code: family === 'vr' ? 'VALIDATION_ERROR' : 'IDEMPOTENCY_KEY_REUSED' } };
}
