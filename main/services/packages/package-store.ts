import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StoredFile } from '../../../shared/headsets/sideload-contract';
import { ApkError, inspectApk } from './apk-inspector';

/** Quest apps ship up to a few GiB with OBBs; anything larger is a mistake, not an app. */
export const MAX_IMPORT_BYTES = 8 * 1024 ** 3;

export class ImportError extends Error {
  constructor(
    readonly code: 'TOO_LARGE' | 'EMPTY' | 'NOT_AN_APK' | 'BAD_NAME' | 'WRITE_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/**
 * APKs and OBBs kept under the user data folder, named by SHA-256 so the same file imported twice is
 * stored once and a sideload request can name exactly the bytes it wants.
 */
export class PackageStore {
  constructor(private readonly dir: string) {}

  pathOf(kind: 'apk' | 'obb', sha256: string): string {
    return join(this.dir, `${sha256}.${kind}`);
  }

  async has(kind: 'apk' | 'obb', sha256: string): Promise<boolean> {
    return access(this.pathOf(kind, sha256)).then(
      () => true,
      () => false,
    );
  }

  async storedApks(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names.filter((n) => /^[0-9a-f]{64}\.apk$/.test(n)).map((n) => n.slice(0, 64));
  }

  /** Streams a file in (hashing as it goes), checks it, and only then moves it into place. */
  async import(kind: 'apk' | 'obb', fileName: string, source: Readable, onBytes?: (bytes: number) => void): Promise<StoredFile> {
    if (!/^[^/\\\0]{1,255}$/.test(fileName) || fileName === '.' || fileName === '..') throw new ImportError('BAD_NAME', 'The file name is not valid');
    await mkdir(this.dir, { recursive: true });
    const temp = join(this.dir, `.incoming-${randomUUID()}`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > MAX_IMPORT_BYTES) return done(new ImportError('TOO_LARGE', `Files over ${MAX_IMPORT_BYTES} bytes are refused`));
        hash.update(chunk);
        onBytes?.(size);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(temp, { mode: 0o600 }));
      if (size === 0) throw new ImportError('EMPTY', 'The file is empty');
      const sha256 = hash.digest('hex');
      let apk: StoredFile['apk'] = null;
      if (kind === 'apk') {
        try {
          const info = await inspectApk(temp);
          apk = { package_name: info.package_name, version_code: info.version_code, version_name: info.version_name, label: info.label, min_sdk: info.min_sdk, launch_activity: info.launch_activity };
        } catch (error) {
          throw new ImportError('NOT_AN_APK', error instanceof ApkError ? error.message : 'Not an Android package');
        }
      }
      await rename(temp, this.pathOf(kind, sha256));
      return { kind, sha256, size_bytes: size, file_name: fileName, apk };
    } catch (error) {
      await rm(temp, { force: true });
      if (error instanceof ImportError) throw error;
      throw new ImportError('WRITE_FAILED', (error as Error).message);
    }
  }
}
