import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { UPLOAD_TICKET_HEADER } from '../../../shared/ipc/instructor-contract';
import type { UploadTickets } from '../instructor/upload-tickets';
import { importStatus, ScormImportError } from './import-error';
import type { ScormImporter } from './scorm-importer';

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };
const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });

/**
 * `PUT /upload/scorm` with the zip as the body, streamed (the renderer's XHR shows byte progress). Like APK
 * uploads it needs an instructor's single-use ticket; a refused zip answers with its code and a clear
 * message, never a 500 for something wrong with the file.
 */
export function createScormUploadHandler(importer: ScormImporter, tickets: Pick<UploadTickets, 'redeem'>, log: (message: string, error?: unknown) => void) {
  return async (request: Request): Promise<Response> => {
    if (!tickets.redeem(request.headers.get(UPLOAD_TICKET_HEADER))) return answer(403, { ok: false, error: { code: 'FORBIDDEN', message: 'An instructor upload ticket is required' } });
    if (request.method !== 'PUT') return answer(405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'Use PUT' } });
    if (!request.body) return answer(400, { ok: false, error: { code: 'EMPTY', message: 'The file is empty' } });
    try {
      const course = await importer.import(Readable.fromWeb(request.body as unknown as NodeWebStream));
      return answer(200, { ok: true, value: course });
    } catch (error) {
      if (error instanceof ScormImportError) return answer(importStatus(error.code), { ok: false, error: { code: error.code, message: error.message } });
      log('SCORM import failed', error);
      return answer(500, { ok: false, error: { code: 'WRITE_FAILED', message: 'The course could not be stored' } });
    }
  };
}
