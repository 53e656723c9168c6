import { SCORM_UPLOAD_PATH } from '../../../shared/scorm/scorm-ipc-contract';
import type { DiskSpace } from '../../../shared/storage/disk-space';
import { KIOSK_RESERVE_BYTES } from '../../../shared/storage/disk-space';

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

/** How much room an upload takes on the kiosk: a SCORM zip is spooled and then unpacked (at least its size again). */
export function bytesNeeded(pathname: string, contentLength: number): number {
  return pathname === SCORM_UPLOAD_PATH ? 2 * contentLength : contentLength;
}

function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

/**
 * Refuses an APK, OBB or SCORM upload that would not fit before a byte is stored: the file's size (from
 * Content-Length, which XHR sends for a File), twice that for a SCORM zip, plus KIOSK_RESERVE_BYTES kept free.
 * The answer is 507 with a sentence the import forms show: APK imports read `WRITE_FAILED` ("could not be
 * stored on this computer; check the free disk space"), the course import shows code and message. Without a
 * length, or when the OS does not say, the upload goes on (a full disk still fails it as it writes).
 */
export function guardUploadSpace(upload: (request: Request) => Promise<Response>, space: () => Promise<DiskSpace | null>): (request: Request) => Promise<Response> {
  return async (request) => {
    const length = Number(request.headers.get('content-length'));
    if (request.method === 'PUT' && Number.isSafeInteger(length) && length > 0) {
      const disk = await space();
      const pathname = new URL(request.url).pathname;
      const needed = bytesNeeded(pathname, length);
      if (disk && needed + KIOSK_RESERVE_BYTES > disk.free_bytes) {
        const code = pathname === SCORM_UPLOAD_PATH ? 'INSUFFICIENT_STORAGE' : 'WRITE_FAILED';
        const message = `Not enough free disk space on this kiosk: the import needs about ${gib(needed)} and ${gib(KIOSK_RESERVE_BYTES)} must stay free, but only ${gib(disk.free_bytes)} is free.`;
        // The body is not read: a refused upload is not streamed to disk.
        await request.body?.cancel().catch(() => undefined);
        return new Response(JSON.stringify({ ok: false, error: { code, message } }), { status: 507, headers: JSON_HEADERS });
      }
    }
    return upload(request);
  };
}
