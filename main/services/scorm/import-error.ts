/** Why an import was refused; each code has one clear message and maps to one HTTP status. */
export const IMPORT_ERROR_CODES = [
  'NOT_A_ZIP',
  'TOO_LARGE',
  'TOO_MANY_ENTRIES',
  'UNSAFE_PATH',
  'SYMLINK',
  'DUPLICATE_PATH',
  'SUSPICIOUS_COMPRESSION',
  'SIZE_MISMATCH',
  'NO_MANIFEST',
  'MALFORMED_MANIFEST',
  'UNSAFE_MANIFEST',
  'UNSUPPORTED_MANIFEST',
  'EMPTY',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export class ScormImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScormImportError';
  }
}

export function importStatus(code: ImportErrorCode): number {
  return code === 'TOO_LARGE' ? 413 : 400;
}
