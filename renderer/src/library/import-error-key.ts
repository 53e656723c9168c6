import type { UploadErrorCode } from './upload-reply';

export type ImportErrorKey =
  | 'notAnApk'
  | 'tooLarge'
  | 'empty'
  | 'badName'
  | 'writeFailed'
  | 'forbidden'
  | 'network'
  | 'badResponse'
  | 'noApk'
  | 'severalApks'
  | 'unsupported'
  | 'invalidDetails'
  | 'saveFailed';

const BY_UPLOAD_CODE: Record<UploadErrorCode, ImportErrorKey> = {
  NOT_AN_APK: 'notAnApk',
  TOO_LARGE: 'tooLarge',
  EMPTY: 'empty',
  BAD_NAME: 'badName',
  WRITE_FAILED: 'writeFailed',
  FORBIDDEN: 'forbidden',
  NETWORK: 'network',
  BAD_RESPONSE: 'badResponse',
};

/** The sentence (under library.import.errors) for an upload refusal. */
export function importErrorKey(code: UploadErrorCode): ImportErrorKey {
  return BY_UPLOAD_CODE[code];
}
