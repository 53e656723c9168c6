import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

/** Real manifests are tens of KB (the largest Quest titles stay under 1 MiB); the cap is checked before inflating. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Unity and Unreal APKs hold a few thousand entries. */
export const MAX_ZIP_ENTRIES = 100_000;

export interface ApkContents {
  readonly manifest: Buffer;
  /** ABIs with native code (lib/<abi>/*.so); empty for an app without native code. */
  readonly nativeAbis: readonly string[];
}

export class ApkZipError extends Error {
  override readonly name = 'ApkZipError';
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes (the default) makes yauzl fail an entry that inflates to more than it declared.
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) => (error ? reject(new ApkZipError(error.message)) : resolve(zip)));
  });
}

function readEntry(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(new ApkZipError(error.message));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          stream.destroy();
          reject(new ApkZipError(`${entry.fileName} inflates to more than ${maxBytes} bytes`));
        } else chunks.push(chunk);
      });
      stream.on('error', (streamError: Error) => reject(new ApkZipError(streamError.message)));
      stream.on('end', () => resolve(Buffer.concat(chunks, size)));
    });
  });
}

/**
 * The manifest's bytes and the native ABIs, read from the zip's central directory with every size
 * checked before anything is inflated: a 1 MB APK whose manifest inflates to 1 GiB is refused, unread.
 */
export async function readApkContents(path: string): Promise<ApkContents> {
  const zip = await openZip(path);
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) throw new ApkZipError(`The APK has ${zip.entryCount} entries; more than ${MAX_ZIP_ENTRIES} is not an app`);
    const abis = new Set<string>();
    let manifest: Buffer | null = null;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(new ApkZipError(error.message)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        const parts = entry.fileName.split('/');
        if (parts.length === 3 && parts[0] === 'lib' && parts[2]?.endsWith('.so') && abis.size < 16) abis.add(parts[1] ?? '');
        if (entry.fileName !== 'AndroidManifest.xml') return zip.readEntry();
        if (entry.uncompressedSize > MAX_MANIFEST_BYTES) return reject(new ApkZipError(`The manifest is ${entry.uncompressedSize} bytes; more than ${MAX_MANIFEST_BYTES} is not an app manifest`));
        readEntry(zip, entry, MAX_MANIFEST_BYTES).then((bytes) => {
          manifest = bytes;
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
    if (manifest === null) throw new ApkZipError('The APK has no AndroidManifest.xml');
    return { manifest, nativeAbis: [...abis].filter((abi) => /^[a-z0-9_-]{1,32}$/.test(abi)) };
  } finally {
    zip.close();
  }
}
