import type { StoredFile } from '../../../shared/headsets/sideload-contract';
import type { UploadErrorCode } from './upload-reply';
import type { UploadOne } from './upload-file';
import type { UploadedPackage } from '../data/package-from-upload';

export type UploadAll = { readonly ok: true; readonly upload: UploadedPackage } | { readonly ok: false; readonly code: UploadErrorCode; readonly file: string };

/**
 * The APK first (if it is not an app, the OBBs are not worth sending), then each OBB, reporting bytes
 * across all of them so one bar covers the whole drop. `upload` is createPackageUploader(ipc): each file
 * needs an instructor's upload ticket.
 */
export async function uploadAll(apk: File, obbs: readonly File[], onProgress: (sent: number, total: number) => void, upload: UploadOne): Promise<UploadAll> {
  const total = [apk, ...obbs].reduce((sum, f) => sum + f.size, 0);
  let before = 0;
  const send = async (kind: 'apk' | 'obb', file: File) => {
    const reply = await upload(kind, file, (sent) => onProgress(before + sent, total));
    before += file.size;
    onProgress(before, total);
    return reply;
  };
  const apkReply = await send('apk', apk);
  if (!apkReply.ok) return { ok: false, code: apkReply.code, file: apk.name };
  const stored: StoredFile[] = [];
  for (const obb of obbs) {
    const reply = await send('obb', obb);
    if (!reply.ok) return { ok: false, code: reply.code, file: obb.name };
    stored.push(reply.file);
  }
  return { ok: true, upload: { apk: apkReply.file, obbs: stored } };
}
