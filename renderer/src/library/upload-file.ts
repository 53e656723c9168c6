import { IPC_TOKEN_KEY } from '../bridge/connect-bridge';
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
export function uploadPackageFile(kind: 'apk' | 'obb', file: File, onProgress: (sent: number) => void, target: UploadTarget = currentUploadTarget()): Promise<UploadReply> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `${target.origin}/upload/${kind}?name=${encodeURIComponent(file.name)}`);
    // Both hosts' guards: the Bearer token for the headless host, the header Electron's scheme requires.
    request.setRequestHeader('X-Outpost-Upload', '1');
    if (target.token) request.setRequestHeader('Authorization', `Bearer ${target.token}`);
    request.upload.addEventListener('progress', (event) => onProgress(event.loaded));
    request.addEventListener('load', () => resolve(parseUploadReply(request.status, request.responseText)));
    request.addEventListener('error', () => resolve({ ok: false, code: 'NETWORK', message: 'The upload did not reach Outpost' }));
    request.addEventListener('abort', () => resolve({ ok: false, code: 'NETWORK', message: 'The upload was interrupted' }));
    request.send(file);
  });
}
