import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { securityHeaders } from '../services/content-security-policy';
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
  const root = normalize(rendererDir + sep);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'outpost') return new Response('Not found', { status: 404 });
    if (url.pathname.startsWith('/upload/')) {
      // The custom header forces a CORS preflight that nothing answers, so only our own page can upload.
      const origin = request.headers.get('origin');
      if (request.headers.get('x-outpost-upload') !== '1' || (origin !== null && !isAppUrl(origin))) return new Response('Forbidden', { status: 403 });
      return upload(request);
    }
    const relative = decodeURIComponent(url.pathname) === '/' ? 'index.html' : decodeURIComponent(url.pathname);
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return new Response('Forbidden', { status: 403 });
    const headers = { ...securityHeaders([`${COURSE_SCHEME}:`]), 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' };
    try {
      return new Response(await readFile(file), { headers });
    } catch {
      // Client-side routes fall back to the app shell.
      return new Response(await readFile(join(root, 'index.html')), { headers: { ...headers, 'Content-Type': MIME['.html'] ?? 'text/html' } });
    }
  });
}
