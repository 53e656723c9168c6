import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LAN_PAGE_META } from '../../../shared/scorm/lan-wire';
import type { LanPageConfig } from '../../../shared/scorm/lan-wire';

/**
 * The host page: only its own bundled script and styles, talks only to main (its own origin), frames only
 * the shell (its own origin). Any page may frame it: the LMS that links to the dispatch is the top frame,
 * and its origin is not known in advance (docs/scorm-lan.md).
 */
export const HOST_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *";

/** Message pages (a refused launch, "not answering") are shown inside the LMS's frame too, so they may be framed. */
export const MESSAGE_PAGE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *";

/** JSON answers and bare refusals: nothing may run or frame them. */
export const API_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** What every answer of the LAN listener carries. */
export function lanHeaders(csp: string, contentType?: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...(contentType ? { 'Content-Type': contentType } : {}),
  };
}

const HTML = 'text/html; charset=utf-8';
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function messagePage(status: number, title: string, text: string): Response {
  const body = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
  return new Response(body, { status, headers: lanHeaders(MESSAGE_PAGE_CSP, HTML) });
}

export const launchUnavailable = (status = 404) => messagePage(status, 'Launch link unavailable', 'This course link does not work (any more). Ask your teacher for a new one.');

export const kioskNotAnswering = () => messagePage(503, 'Outpost is not answering', 'Outpost on the kiosk is not open or not answering; try again in a moment.');

export const learnerIdRequired = () =>
  messagePage(
    400,
    'Learner id required',
    'The LMS must add learner_id (the learner\'s id, 1–128 characters) and optionally learner_name to this link, e.g. ?learner_id=…&learner_name=….',
  );

export function jsonAnswer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: lanHeaders(API_CSP, 'application/json; charset=utf-8') });
}

export const lanError = (status: number, code: string, message: string) => jsonAnswer(status, { error: message, code });

/** The built host page (renderer/scorm-lan) with the sitting's configuration in a meta tag; null if not built. */
export async function hostPage(rendererDir: string, config: LanPageConfig): Promise<Response | null> {
  let html: string;
  try {
    html = await readFile(join(rendererDir, 'scorm-lan', 'index.html'), 'utf8');
  } catch {
    return null;
  }
  if (!html.includes('</head>')) return null;
  const meta = `<meta name="${LAN_PAGE_META}" content="${escapeHtml(JSON.stringify(config))}">`;
  return new Response(html.replace('</head>', `${meta}</head>`), { status: 200, headers: lanHeaders(HOST_PAGE_CSP, HTML) });
}
