import { createScormDispatchRequestSchema } from '../../../shared/schemas/scorm-dispatch';
import type { CreateScormDispatchResponse } from '../../../shared/schemas/scorm-dispatch';
import { InstructorRequiredError } from '../data/instructor-guard';
import { createDispatch, dispatchByHandle, revokeDispatch, rotateDispatch } from '../data/scorm-dispatches';
import { launchScormSession } from '../data/scorm-session-launch';
import { json } from './api-response';
import type { LocalApiDeps } from './local-api-deps';
import { readJsonBody } from './read-json-body';
import { scormCaller } from './scorm-caller';
import { scormError } from './scorm-api-response';
import { signFor } from './scorm-launch-route';

/** A session minted by a dispatch launch lives a quarter of an hour: long enough to start, short if leaked. */
export const DISPATCH_SESSION_TTL_SECONDS = 900;

const answer = (origin: string, handle: string, id: string): CreateScormDispatchResponse => {
  const url = `${origin}/player/dispatch/${handle}`;
  return { dispatch: { id, launchUrl: url }, dispatch_url: url };
};

/**
 * Dispatch URLs name the kiosk's LAN listener while sharing is on (an LMS elsewhere on the network can
 * open them), else the local API's own origin (they then work on this kiosk only).
 */
async function dispatchOrigin(deps: LocalApiDeps, request: Request): Promise<string> {
  const lan = await deps.scorm?.dispatchOrigin?.().catch(() => null);
  return lan ?? new URL(request.url).origin;
}

async function instructorOnly(deps: LocalApiDeps, request: Request): Promise<Response | null> {
  const caller = await scormCaller(deps, request).catch(() => null);
  return caller?.kind === 'instructor' ? null : scormError('FORBIDDEN', 'Only the instructor manages dispatches');
}

const guarded = async <T>(work: () => Promise<T>): Promise<T | Response> =>
  work().catch((error: unknown) => {
    if (error instanceof InstructorRequiredError) return scormError('FORBIDDEN', 'Only the instructor manages dispatches');
    throw error;
  });

/** POST /api/v1/packages/:id/dispatches {label, destination}: one durable record per destination. */
export async function createDispatchRoute(deps: LocalApiDeps, packageId: string, request: Request): Promise<Response> {
  const refused = await instructorOnly(deps, request);
  if (refused || !deps.instructor) return refused ?? scormError('FORBIDDEN', 'Only the instructor manages dispatches');
  const guard = deps.instructor;
  const body = await readJsonBody(request, createScormDispatchRequestSchema);
  const created = await guarded(() => createDispatch(deps, guard, packageId, body.label.slice(0, 200), body.destination.slice(0, 200)));
  if (created instanceof Response) return created;
  if (!created) return scormError('PACKAGE_NOT_FOUND', 'Package not found');
  return json(answer(await dispatchOrigin(deps, request), created.handle, created.row.id), 201);
}

export async function rotateDispatchRoute(deps: LocalApiDeps, id: string, request: Request): Promise<Response> {
  const refused = await instructorOnly(deps, request);
  if (refused || !deps.instructor) return refused ?? scormError('FORBIDDEN', 'Only the instructor manages dispatches');
  const guard = deps.instructor;
  const rotated = await guarded(() => rotateDispatch(deps, guard, id));
  if (rotated instanceof Response) return rotated;
  if (!rotated) return scormError('DISPATCH_NOT_FOUND', 'Dispatch not found');
  return json(answer(await dispatchOrigin(deps, request), rotated.handle, rotated.row.id));
}

export async function revokeDispatchRoute(deps: LocalApiDeps, id: string, request: Request): Promise<Response> {
  const refused = await instructorOnly(deps, request);
  if (refused || !deps.instructor) return refused ?? scormError('FORBIDDEN', 'Only the instructor manages dispatches');
  const guard = deps.instructor;
  const revoked = await guarded(() => revokeDispatch(deps, guard, id));
  if (revoked instanceof Response) return revoked;
  return revoked ? json({ revoked: true }) : scormError('DISPATCH_NOT_FOUND', 'Dispatch not found');
}

/**
 * GET /player/dispatch/:handle as the signed-in learner: a new short-lived session of the dispatched course
 * for them, and a redirect to its signed player link. Unknown, rotated-away or revoked handles are 404.
 */
export async function launchDispatchRoute(deps: LocalApiDeps, handle: string, request: Request): Promise<Response> {
  const caller = await scormCaller(deps, request);
  if (caller.kind !== 'learner') return scormError('FORBIDDEN', 'A dispatch is launched by a learner');
  if (!deps.scorm) return scormError('PLAYER_UNAVAILABLE', 'The course player is not available');
  const dispatch = await dispatchByHandle(deps, handle);
  if (!dispatch) return scormError('DISPATCH_NOT_FOUND', 'Launch link unavailable');
  const sessionId = deps.newId();
  const launched = await launchScormSession(deps, caller.learner, dispatch.package_id, sessionId);
  if (!launched.ok) return scormError('PACKAGE_NOT_FOUND', 'Package not found');
  const signed = await signFor(deps, { package_id: dispatch.package_id, session_id: sessionId, learner_id: caller.learner.id, ttl_seconds: DISPATCH_SESSION_TTL_SECONDS });
  return new Response(null, { status: 302, headers: { Location: signed.launch_url } });
}
