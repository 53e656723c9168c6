import { scormLaunchRequestSchema } from '../../../shared/schemas/scorm-launch';
import type { ScormLaunchResponse } from '../../../shared/schemas/scorm-launch';
import { COURSE_ID_PATTERN, SCORM_SESSION_ID_PATTERN } from '../../../shared/scorm/scorm-ipc-contract';
import type { SignLaunchRequest, SignLaunchResponse } from '../../../shared/scorm/scorm-ipc-contract';
import { launchScormSession } from '../data/scorm-session-launch';
import { ApiFailure, json } from './api-response';
import type { LocalApiDeps } from './local-api-deps';
import { readJsonBody } from './read-json-body';
import { actingLearner, scormCaller } from './scorm-caller';
import { scormError } from './scorm-api-response';

/** main signs player links (scorm:sign-launch); the local API never holds the key. */
export interface ScormApiPorts {
  signLaunch(request: SignLaunchRequest): Promise<SignLaunchResponse>;
  /**
   * Where an LMS on the school's network reaches this kiosk's dispatches ("http://192.168.1.20:47800"),
   * or null while LAN sharing is off (docs/scorm-lan.md). Left out: dispatch URLs name the local API.
   */
  dispatchOrigin?(): Promise<string | null>;
}

export const KIOSK_STORAGE_BACKEND = 'outpost-kiosk';

export async function signFor(deps: LocalApiDeps, request: SignLaunchRequest): Promise<SignLaunchResponse> {
  if (!deps.scorm) throw new ApiFailure(scormError('PLAYER_UNAVAILABLE', 'The course player is not available'));
  return deps.scorm.signLaunch(request).catch(() => {
    throw new ApiFailure(scormError('PLAYER_UNAVAILABLE', 'The course player is not available'));
  });
}

/**
 * POST /api/v1/packages/:packageId/launch: creates or resumes the named session and answers with a
 * freshly signed launch_url (?token=). Learners launch only for themselves.
 */
export async function launchRoute(deps: LocalApiDeps, packageId: string, request: Request): Promise<Response> {
  const caller = await scormCaller(deps, request);
  // Checked first: a launch that cannot be signed must not create a session either.
  if (!deps.scorm) return scormError('PLAYER_UNAVAILABLE', 'The course player is not available');
  if (!COURSE_ID_PATTERN.test(packageId)) return scormError('PACKAGE_NOT_FOUND', 'Package not found');
  const body = await readJsonBody(request, scormLaunchRequestSchema);
  if (!SCORM_SESSION_ID_PATTERN.test(body.session_id)) return scormError('VALIDATION_ERROR', 'session_id may hold only letters, digits, "-" and "_" (at most 128)');
  const learner = await actingLearner(deps, caller, body.user_id, () => scormError('FORBIDDEN', 'A learner may launch only their own sessions'));
  const outcome = await launchScormSession(deps, learner, packageId, body.session_id);
  if (!outcome.ok) {
    if (outcome.error === 'SESSION_CONFLICT') return scormError('SESSION_CONFLICT', 'The session belongs to another learner or package');
    return scormError(outcome.error, outcome.error === 'PACKAGE_NOT_FOUND' ? 'Package not found' : 'Session not found');
  }
  const signed = await signFor(deps, { package_id: packageId, session_id: body.session_id, learner_id: learner.id });
  const response: ScormLaunchResponse = {
    package_id: packageId,
    session_id: body.session_id,
    learner_id: learner.id,
    content_type: 'scorm',
    storage_backend: KIOSK_STORAGE_BACKEND,
    launch_url: signed.launch_url,
    expires_in_seconds: signed.expires_in_seconds,
  };
  return json(response, 200);
}
