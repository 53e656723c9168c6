import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Entry, ZipFile } from 'yauzl';
import { ScormImportError } from './import-error';
import type { ImportLimits } from './import-limits';

export interface ExtractTarget {
  readonly entry: Entry;
  /** Where the file goes, relative to the course's files folder. */
  readonly relative: string;
}

function openStream(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(new ScormImportError('NOT_A_ZIP', `Cannot read "${entry.fileName.toString()}": ${error?.message ?? 'unknown'}`));
      else resolve(stream);
    });
  });
}

/**
 * Streams each file to disk (memory stays flat whatever the size) while counting the bytes that really
 * come out of the inflater: a lying header cannot sneak a bomb past the declared-size checks.
 */
export async function extractEntries(zip: ZipFile, targets: readonly ExtractTarget[], filesDir: string, limits: ImportLimits): Promise<number> {
  let total = 0;
  for (const { entry, relative } of targets) {
    const destination = join(filesDir, relative);
    await mkdir(dirname(destination), { recursive: true });
    let written = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        total += chunk.length;
        if (written > limits.maxEntryBytes || total > limits.maxTotalBytes) return done(new ScormImportError('TOO_LARGE', `The course inflates to more than its limit (at "${relative}")`));
        if (written > limits.ratioFloorBytes && written > Math.max(1, entry.compressedSize) * limits.maxRatio) {
          return done(new ScormImportError('SUSPICIOUS_COMPRESSION', `"${relative}" inflates more than ${limits.maxRatio} times`));
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(await openStream(zip, entry), counter, createWriteStream(destination, { flags: 'wx' }));
    } catch (error) {
      if (error instanceof ScormImportError) throw error;
      throw new ScormImportError('SIZE_MISMATCH', `"${relative}" could not be extracted: ${(error as Error).message}`);
    }
  }
  return total;
}
