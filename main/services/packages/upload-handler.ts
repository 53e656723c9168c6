import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { UPLOAD_TICKET_HEADER } from '../../../shared/ipc/instructor-contract';
import type { UploadTickets } from '../instructor/upload-tickets';
import { ImportError } from './package-store';
import type { PackageStore } from './package-store';

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

/**
 * `PUT /upload/apk?name=…` and `/upload/obb?name=…` with the file as the body: the renderer streams
 * an imported file to main this way (XHR gives it upload progress), in both hosts. The host has already
 * checked the request comes from our page; the single-use ticket (from the instructor-only
 * 'packages:upload-ticket') says an instructor asked for it.
 */
export function createUploadHandler(store: PackageStore, tickets: Pick<UploadTickets, 'redeem'>): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!tickets.redeem(request.headers.get(UPLOAD_TICKET_HEADER))) {
      return new Response(JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'An instructor upload ticket is required' } }), { status: 403, headers: JSON_HEADERS });
    }
    const url = new URL(request.url);
    const kind = url.pathname === '/upload/apk' ? 'apk' : url.pathname === '/upload/obb' ? 'obb' : null;
    if (request.method !== 'PUT' || !kind) return new Response(JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: 'Unknown upload' } }), { status: 404, headers: JSON_HEADERS });
    if (!request.body) return new Response(JSON.stringify({ ok: false, error: { code: 'EMPTY', message: 'The file is empty' } }), { status: 400, headers: JSON_HEADERS });
    try {
      const stored = await store.import(kind, url.searchParams.get('name') ?? '', Readable.fromWeb(request.body as unknown as NodeWebStream));
      return new Response(JSON.stringify({ ok: true, value: stored }), { status: 200, headers: JSON_HEADERS });
    } catch (error) {
      const code = error instanceof ImportError ? error.code : 'WRITE_FAILED';
      const status = code === 'TOO_LARGE' ? 413 : code === 'WRITE_FAILED' ? 500 : 400;
      return new Response(JSON.stringify({ ok: false, error: { code, message: (error as Error).message } }), { status, headers: JSON_HEADERS });
    }
  };
}
