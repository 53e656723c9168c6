import { UPLOAD_TICKET_HEADER } from '../../../shared/ipc/instructor-contract';
import { IPC_TOKEN_KEY } from '../bridge/connect-bridge';
import type { IpcClient } from '../bridge/ipc-client';
import { parseUploadReply } from './upload-reply';
import type { UploadReply } from './upload-reply';

export interface UploadTarget {
  /** `http://127.0.0.1:PORT` from the headless host, `app://outpost` inside Electron. */
  readonly origin: string;
  /** The headless host's token; Electron has none and relies on its custom header instead. */
  readonly token: string | null;
}

export function currentUploadTarget(win: Window = window): UploadTarget {
  return { origin: win.location.origin, token: win.sessionStorage.getItem(IPC_TOKEN_KEY) };
}

/**
 * Streams one APK or OBB to main's package store. XMLHttpRequest rather than fetch because only it
 * reports upload progress, which a multi-gigabyte OBB needs. Never rejects: failures come back as codes.
 */
export function uploadPackageFile(kind: 'apk' | 'obb', file: File, onProgress: (sent: number) => void, ticket: string, target: UploadTarget = currentUploadTarget()): Promise<UploadReply> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `${target.origin}/upload/${kind}?name=${encodeURIComponent(file.name)}`);
    // Both hosts' guards: the Bearer token for the headless host, the header Electron's scheme requires.
    request.setRequestHeader('X-Outpost-Upload', '1');
    if (target.token) request.setRequestHeader('Authorization', `Bearer ${target.token}`);
    request.setRequestHeader(UPLOAD_TICKET_HEADER, ticket);
    request.upload.addEventListener('progress', (event) => onProgress(event.loaded));
    request.addEventListener('load', () => resolve(parseUploadReply(request.status, request.responseText)));
    request.addEventListener('error', () => resolve({ ok: false, code: 'NETWORK', message: 'The upload did not reach Outpost' }));
    request.addEventListener('abort', () => resolve({ ok: false, code: 'NETWORK', message: 'The upload was interrupted' }));
    request.send(file);
  });
}

export type UploadOne = (kind: 'apk' | 'obb', file: File, onProgress: (sent: number) => void) => Promise<UploadReply>;

/**
 * Uploads as the signed-in instructor: main hands out a single-use ticket per file over IPC (only to an
 * instructor session), and the upload carries it. Without one the answer is FORBIDDEN, as from the host.
 */
export function createPackageUploader(ipc: Pick<IpcClient, 'invoke'>, target: UploadTarget = currentUploadTarget()): UploadOne {
  return async (kind, file, onProgress) => {
    const ticket = await ipc.invoke('packages:upload-ticket', {});
    if (!ticket.ok) return { ok: false, code: 'FORBIDDEN', message: `${ticket.error.code}: ${ticket.error.message}` };
    return uploadPackageFile(kind, file, onProgress, ticket.value.ticket, target);
  };
}
