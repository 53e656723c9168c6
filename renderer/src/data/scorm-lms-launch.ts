import type { ScormCourseRow, ScormSessionLocalRow } from '../db/schema-v7';
import type { DataPorts } from './data-ports';
import { dispatchByHandle } from './scorm-dispatches';
import { latestSessionOf } from './scorm-session-queries';
import { launchScormSession } from './scorm-session-launch';

/** The kiosk's learner for a learner of an LMS a course was dispatched to. */
export interface LmsLearner {
  /** `lms:<destination>:<the LMS's id>`: never a roster learner's id, and two LMSs' ids never meet. */
  readonly id: string;
  readonly tenant_id: string;
  readonly display_name: string;
}

export type LmsLaunch =
  | { readonly ok: true; readonly session: ScormSessionLocalRow; readonly course: ScormCourseRow; readonly learner: LmsLearner }
  | { readonly ok: false; readonly error: 'DISPATCH_NOT_FOUND' | 'PACKAGE_NOT_FOUND' };

export function lmsLearnerId(destination: string, learnerId: string): string {
  return `lms:${destination}:${learnerId}`;
}

/**
 * A browser on the school's network opened a dispatch URL for the LMS's learner (docs/scorm-lan.md). The
 * handle must name a live dispatch (not rotated away, not revoked) of a course still on the kiosk. The
 * learner resumes their latest session of the course, as "Continue" does at the kiosk, or starts one:
 * the same launch, session row and outbox row as a learner at the kiosk gets.
 */
export async function launchForLms(ports: DataPorts, handle: string, lmsId: string, lmsName: string | undefined): Promise<LmsLaunch> {
  const { db } = ports;
  const dispatch = await dispatchByHandle(ports, handle);
  if (!dispatch) return { ok: false, error: 'DISPATCH_NOT_FOUND' };
  // A course shared with every tenant has no tenant of its own: the kiosk's learners' tenant stands in.
  const tenant = dispatch.tenant_id ?? (await db.learners.toCollection().first())?.tenant_id ?? 'kiosk';
  const learner: LmsLearner = { id: lmsLearnerId(dispatch.destination, lmsId), tenant_id: tenant, display_name: lmsName?.trim() || lmsId };
  const latest = await latestSessionOf(db, learner.id, dispatch.package_id);
  const launched = await launchScormSession(ports, learner, dispatch.package_id, latest?.id ?? ports.newId());
  if (!launched.ok) return { ok: false, error: 'PACKAGE_NOT_FOUND' };
  return { ok: true, session: launched.session, course: launched.course, learner };
}
