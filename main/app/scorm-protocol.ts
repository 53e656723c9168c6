import { protocol } from 'electron';
import type { CustomScheme } from 'electron';
import { refusalHeaders } from '../services/content-security-policy';
import { parseCourseLabel } from '../services/scorm/course-origin';
import type { ScormService } from '../services/scorm/scorm-service';

export const COURSE_SCHEME = 'scorm';

/**
 * Course origins are scorm://<package id>-u<learner key>: standard (so each host is its own origin, with
 * its own localStorage, IndexedDB and cookies — one learner's never visible to the next) and secure, but
 * without fetch/CORS privileges towards the app. Registered together with app:// (app-protocol.ts).
 */
export const COURSE_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: COURSE_SCHEME,
  privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true },
};

/** Serves course origins through the same handler serve uses; hosts that are not a course label get 403. */
export function handleCourseScheme(scorm: ScormService, appOrigin: string, rendererDir: string): void {
  scorm.configureHost({ courseBase: (label) => `${COURSE_SCHEME}://${label}`, appOrigins: [appOrigin], rendererDir });
  protocol.handle(COURSE_SCHEME, courseSchemeHandler(scorm));
}

/** The scorm:// handler (exported for tests); a host that is no course label is refused under a CSP too. */
export function courseSchemeHandler(scorm: Pick<ScormService, 'handleCourse'>): (request: Request) => Promise<Response> {
  return async (request) => {
    const label = parseCourseLabel(new URL(request.url).host);
    if (!label) return new Response('Forbidden', { status: 403, headers: refusalHeaders() });
    return scorm.handleCourse(request, label);
  };
}
