import { scormCourseSchema } from '../../../shared/scorm/course-manifest';
import type { ScormCourse } from '../../../shared/scorm/course-manifest';
import { SCORM_UPLOAD_PATH } from '../../../shared/scorm/scorm-ipc-contract';
import { UPLOAD_TICKET_HEADER } from '../../../shared/ipc/instructor-contract';
import type { IpcClient } from '../bridge/ipc-client';
import { currentUploadTarget } from '../library/upload-file';
import type { UploadTarget } from '../library/upload-file';

export type CourseUploadReply = { ok: true; course: ScormCourse } | { ok: false; code: string; message: string };

function parseReply(status: number, text: string): CourseUploadReply {
  try {
    const body = JSON.parse(text) as { ok?: boolean; value?: unknown; error?: { code?: string; message?: string } };
    if (body.ok) {
      const course = scormCourseSchema.safeParse(body.value);
      if (course.success) return { ok: true, course: course.data };
    }
    return { ok: false, code: body.error?.code ?? `HTTP_${status}`, message: body.error?.message ?? '' };
  } catch {
    return { ok: false, code: `HTTP_${status}`, message: '' };
  }
}

/**
 * Streams a SCORM zip to main (XHR for byte progress, like APKs) with an instructor's single-use ticket.
 * Never rejects: a refused zip comes back with main's code and message.
 */
export async function uploadCourse(ipc: Pick<IpcClient, 'invoke'>, file: File, onProgress: (sent: number) => void, target: UploadTarget = currentUploadTarget()): Promise<CourseUploadReply> {
  const ticket = await ipc.invoke('packages:upload-ticket', {});
  if (!ticket.ok) return { ok: false, code: 'FORBIDDEN', message: ticket.error.message };
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `${target.origin}${SCORM_UPLOAD_PATH}`);
    request.setRequestHeader('X-Outpost-Upload', '1');
    if (target.token) request.setRequestHeader('Authorization', `Bearer ${target.token}`);
    request.setRequestHeader(UPLOAD_TICKET_HEADER, ticket.value.ticket);
    request.upload.addEventListener('progress', (event) => onProgress(event.loaded));
    request.addEventListener('load', () => resolve(parseReply(request.status, request.responseText)));
    request.addEventListener('error', () => resolve({ ok: false, code: 'NETWORK', message: '' }));
    request.addEventListener('abort', () => resolve({ ok: false, code: 'NETWORK', message: '' }));
    request.send(file);
  });
}
