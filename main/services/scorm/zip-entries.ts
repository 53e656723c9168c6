import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { collisionKey, safeEntryPath } from './entry-name-policy';
import { ScormImportError } from './import-error';
import type { ImportLimits } from './import-limits';

export interface PlannedEntry {
  /** Safe relative path inside the archive (before the top folder is stripped). */
  readonly path: string;
  readonly directory: boolean;
  readonly entry: Entry;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

type DecodeName = (flags: number, raw: Buffer, extra: Entry['extraFields'], strict: boolean) => string;
// Decodes UTF-8 / CP437 and the Info-ZIP Unicode path field without yauzl's own checks: ours are stricter
// and give each refusal its own message.
const decodeName = (yauzl as unknown as { getFileNameLowLevel: DecodeName }).getFileNameLowLevel;

export function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (error, zip) => {
      if (error || !zip) reject(new ScormImportError('NOT_A_ZIP', `Not a readable zip file (${error?.message ?? 'unknown'})`));
      else resolve(zip);
    });
  });
}

function checkEntry(entry: Entry, limits: ImportLimits): PlannedEntry {
  const raw = entry.fileName as unknown as Buffer;
  const name = decodeName(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
  const path = safeEntryPath(name, limits.maxPathBytes);
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw new ScormImportError('SYMLINK', `Refused symbolic link "${path}"`);
  if (entry.isEncrypted()) throw new ScormImportError('NOT_A_ZIP', `"${path}" is encrypted`);
  const directory = name.endsWith('/') || name.endsWith('\\');
  if (entry.uncompressedSize > limits.maxEntryBytes) throw new ScormImportError('TOO_LARGE', `"${path}" is larger than ${limits.maxEntryBytes} bytes`);
  if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize > Math.max(1, entry.compressedSize) * limits.maxRatio) {
    throw new ScormImportError('SUSPICIOUS_COMPRESSION', `"${path}" inflates more than ${limits.maxRatio} times`);
  }
  return { path, directory, entry };
}

/**
 * Reads the central directory once, applying the name policy to every entry before a byte is written:
 * a refused archive leaves nothing behind. Declared sizes are only a first filter; extraction counts the
 * real inflated bytes (zip-extract.ts).
 */
export async function planEntries(zip: ZipFile, limits: ImportLimits): Promise<PlannedEntry[]> {
  if (zip.entryCount > limits.maxEntries) throw new ScormImportError('TOO_MANY_ENTRIES', `More than ${limits.maxEntries} entries`);
  const planned: PlannedEntry[] = [];
  const seen = new Map<string, string>();
  let declared = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (error: Error) => reject(error instanceof ScormImportError ? error : new ScormImportError('NOT_A_ZIP', `Damaged zip: ${error.message}`)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      try {
        const plan = checkEntry(entry, limits);
        const key = collisionKey(plan.path);
        const earlier = seen.get(key);
        if (earlier !== undefined && !(plan.directory && earlier === plan.path)) {
          throw new ScormImportError('DUPLICATE_PATH', `"${plan.path}" and "${earlier}" would be the same file`);
        }
        seen.set(key, plan.path);
        declared += entry.uncompressedSize;
        if (declared > limits.maxTotalBytes) throw new ScormImportError('TOO_LARGE', `The course inflates to more than ${limits.maxTotalBytes} bytes`);
        planned.push(plan);
        zip.readEntry();
      } catch (error) {
        reject(error);
      }
    });
    zip.readEntry();
  });
  return planned;
}
