import { join } from 'node:path';
import { courseContentCsp, courseHeaders, playerShellCsp } from './course-csp';
import type { CourseLabel } from './course-origin';
import type { LaunchSigner } from './launch-token';
import { fileResponse, resolveInside } from './package-files';
import { LAUNCH_UNAVAILABLE_HTML, playerPage } from './player-page';

export interface CourseHostDeps {
  readonly signer: LaunchSigner;
  /** The course's extracted files, or null if there is no such course. */
  readonly filesDir: (packageId: string) => Promise<string | null>;
  readonly rendererDir: () => string | null;
  /** The windows the shell talks to; the request is there for hosts whose app origin depends on it (LAN). */
  readonly appOrigins: (request: Request) => readonly string[];
  /**
   * Who may frame the shell and the course: 'app' (default) the app's origins only; 'any' for the LAN
   * hand-off, where the shell's ancestors include an LMS page on an origin nobody knows in advance.
   */
  readonly frameAncestors?: 'app' | 'any';
}

const HTML = 'text/html; charset=utf-8';

/**
 * Everything a course origin serves, the same in both hosts (Electron's scorm:// scheme and serve's
 * loopback listener): the player shell at /player/:sessionId?token= (401 "Launch link unavailable" without
 * a good token for this very course and learner), the shell's bundled script under /assets/, and the
 * course's own files under /content/.
 */
export function createCourseHost(deps: CourseHostDeps): (request: Request, label: CourseLabel) => Promise<Response> {
  return async (request, label) => {
    const url = new URL(request.url);
    const origins = deps.appOrigins(request);
    const ancestors = deps.frameAncestors === 'any' ? '*' : undefined;
    const contentCsp = courseContentCsp(origins, ancestors);
    const shellCsp = playerShellCsp(origins, ancestors);
    const notFound = () => new Response('Not found', { status: 404, headers: courseHeaders(contentCsp) });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: courseHeaders(contentCsp) });

    const player = /^\/player\/([A-Za-z0-9][A-Za-z0-9_-]{0,127})$/.exec(url.pathname);
    if (player) {
      const claims = deps.signer.verify(url.searchParams.get('token'));
      const headers = { ...courseHeaders(shellCsp), 'Content-Type': HTML };
      const valid = claims && claims.sid === player[1] && claims.pkg === label.packageId && claims.uk === label.learnerKey;
      const rendererDir = deps.rendererDir();
      if (!valid || !rendererDir || !(await deps.filesDir(label.packageId))) return new Response(LAUNCH_UNAVAILABLE_HTML, { status: 401, headers });
      return new Response(await playerPage(rendererDir, { sessionId: claims.sid, packageId: claims.pkg, appOrigins: origins }), { headers });
    }
    if (url.pathname.startsWith('/assets/')) {
      const rendererDir = deps.rendererDir();
      const file = rendererDir ? await resolveInside(join(rendererDir, 'assets'), url.pathname.slice('/assets/'.length)) : null;
      if (!file || !/\.(js|css)$/.test(file)) return notFound();
      return fileResponse(file, request, courseHeaders(shellCsp));
    }
    if (url.pathname.startsWith('/content/')) {
      const root = await deps.filesDir(label.packageId);
      const file = root ? await resolveInside(root, url.pathname.slice('/content/'.length)) : null;
      if (!file) return notFound();
      return fileResponse(file, request, courseHeaders(contentCsp)).catch(notFound);
    }
    return notFound();
  };
}
