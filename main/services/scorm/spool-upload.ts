import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ScormImportError } from './import-error';

export interface Spooled {
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * A zip's directory is at its end, so the upload is streamed to a temporary file first (hashing and
 * counting as it goes, memory flat) and the archive is read from there.
 */
export async function spoolUpload(input: Readable, file: string, maxBytes: number): Promise<Spooled> {
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(new ScormImportError('TOO_LARGE', `The zip is larger than ${maxBytes} bytes`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(input, meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  if (bytes === 0) throw new ScormImportError('EMPTY', 'The file is empty');
  return { bytes, sha256: hash.digest('hex') };
}
