import { describe, expect, it } from 'vitest';
import { uploadAll } from '../../../renderer/src/library/upload-files';
import type { UploadReply } from '../../../renderer/src/library/upload-reply';
import { storedApk, storedObb } from './stored-files';

const apk = new File([new Uint8Array(800)], 'safety.apk');
const obb = new File([new Uint8Array(200)], 'main.7.org.example.safety.obb');

/** Each upload reports half, then all, of its file before answering. */
function fakeUpload(replies: Record<string, UploadReply>) {
  const sent: string[] = [];
  const upload = async (kind: 'apk' | 'obb', file: File, onProgress: (sent: number) => void): Promise<UploadReply> => {
    sent.push(`${kind}:${file.name}`);
    onProgress(file.size / 2);
    onProgress(file.size);
    return replies[file.name] ?? { ok: false, code: 'NETWORK', message: 'no reply' };
  };
  return { upload, sent };
}

describe('uploadAll', () => {
  it('sends the APK, then the OBBs, with progress across the whole drop', async () => {
    const fake = fakeUpload({ 'safety.apk': { ok: true, file: storedApk }, [obb.name]: { ok: true, file: storedObb } });
    const progress: number[] = [];
    const result = await uploadAll(apk, [obb], (sent, total) => progress.push(sent / total), fake.upload);
    expect(result).toEqual({ ok: true, upload: { apk: storedApk, obbs: [storedObb] } });
    expect(fake.sent).toEqual(['apk:safety.apk', `obb:${obb.name}`]);
    expect(progress).toEqual([0.4, 0.8, 0.8, 0.9, 1, 1]);
  });

  it('stops at the first refusal, naming the file, without sending OBBs for a file that is not an app', async () => {
    const fake = fakeUpload({ 'safety.apk': { ok: false, code: 'NOT_AN_APK', message: 'No manifest' } });
    expect(await uploadAll(apk, [obb], () => undefined, fake.upload)).toEqual({ ok: false, code: 'NOT_AN_APK', file: 'safety.apk' });
    expect(fake.sent).toEqual(['apk:safety.apk']);
  });
});
