import type { LearnerRow } from '../db/rows';
import { ApiFailure } from './api-response';
import { authenticate } from './authenticate';
import { isInstructorCall } from './authenticate-instructor';
import type { LocalApiDeps } from './local-api-deps';

/** Who calls the SCORM API: a signed-in learner (their own sessions only) or the kiosk's instructor. */
export type ScormCaller = { readonly kind: 'learner'; readonly learner: LearnerRow } | { readonly kind: 'instructor' };

export async function scormCaller(deps: LocalApiDeps, request: Request): Promise<ScormCaller> {
  if (await isInstructorCall(request, deps.instructor)) return { kind: 'instructor' };
  return { kind: 'learner', learner: await authenticate(deps.db, request, { now: deps.now }) };
}

/** The learner a request acts for: a learner always themselves; the instructor any learner on the roster. */
export async function actingLearner(deps: LocalApiDeps, caller: ScormCaller, userId: string, refuse: () => Response): Promise<LearnerRow> {
  if (caller.kind === 'learner') {
    if (caller.learner.id !== userId) throw new ApiFailure(refuse());
    return caller.learner;
  }
  const learner = await deps.db.learners.get(userId);
  if (!learner) throw new ApiFailure(refuse());
  return learner;
}
