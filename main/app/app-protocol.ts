import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { refusalHeaders, securityHeaders, withDefaultHeaders } from '../services/content-security-policy';
import { COURSE_SCHEME, COURSE_SCHEME_PRIVILEGES } from './scorm-protocol';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://outpost`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Node's URL parser gives custom schemes an opaque origin ("null"), so comparing `.origin` would refuse
 * our own pages; compare scheme and host instead.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'outpost';
  } catch {
    return false;
  }
}

/** Must run before `app.ready`: the scheme gets a real origin (so 'self' in the CSP means something). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    COURSE_SCHEME_PRIVILEGES,
  ]);
}

/** Serves the built renderer with the same security headers as the headless host; no file outside it. */
export function handleAppScheme(rendererDir: string, upload: (request: Request) => Promise<Response>): void {
  protocol.handle(APP_SCHEME, appSchemeHandler(rendererDir, upload));
}

/**
 * The app:// handler itself (exported for tests): every answer, refusals and upload replies included,
 * carries a Content-Security-Policy.
 */
export function appSchemeHandler(rendererDir: string, upload: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  const root = normalize(rendererDir + sep);
  const refuse = (status: 403 | 404, text: string) => new Response(text, { status, headers: refusalHeaders() });
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'outpost') return refuse(404, 'Not found');
    if (url.pathname.startsWith('/upload/')) {
      // The custom header forces a CORS preflight that nothing answers, so only our own page can upload.
      const origin = request.headers.get('origin');
      if (request.headers.get('x-outpost-upload') !== '1' || (origin !== null && !isAppUrl(origin))) return refuse(403, 'Forbidden');
      return withDefaultHeaders(await upload(request), refusalHeaders());
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return refuse(404, 'Not found');
    }
    const relative = pathname === '/' ? 'index.html' : pathname;
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return refuse(403, 'Forbidden');
    const headers = { ...securityHeaders([`${COURSE_SCHEME}:`]), 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' };
    try {
      return new Response(await readFile(file), { headers });
    } catch {
      // Client-side routes fall back to the app shell.
      return new Response(await readFile(join(root, 'index.html')), { headers: { ...headers, 'Content-Type': MIME['.html'] ?? 'text/html' } });
    }
  };
}
