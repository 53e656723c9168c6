import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StoredFile } from '../../../shared/headsets/sideload-contract';
import { z } from 'zod';
import { ApkError, inspectApk } from './apk-inspector';
import type { ApkInfo } from './apk-inspector';

/** What main keeps about each stored APK, so a sideload's preflight knows the manifest without the renderer's word. */
const apkDetailsSchema = z.object({
  package_name: z.string(),
  version_code: z.number().int(),
  version_name: z.string().nullable(),
  label: z.string().nullable(),
  min_sdk: z.number().int().nullable(),
  target_sdk: z.number().int().nullable(),
  launch_activity: z.string().nullable(),
  native_abis: z.array(z.string()),
  warnings: z.array(z.enum(['NO_LAUNCHER_ACTIVITY', 'NO_ARM64_CODE'])),
  signature_hash: z.string().regex(/^[0-9a-f]{1,8}$/).nullable(),
});
export type StoredApkDetails = z.infer<typeof apkDetailsSchema>;

function detailsOf(info: ApkInfo): StoredApkDetails {
  const { package_name, version_code, version_name, label, min_sdk, target_sdk, launch_activity, native_abis, warnings, signature_hash } = info;
  return { package_name, version_code, version_name, label, min_sdk, target_sdk, launch_activity, native_abis: [...native_abis], warnings: [...warnings], signature_hash };
}

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

  /** The manifest details read at import (read again, and kept, for an APK stored before they were kept). */
  async apkDetails(sha256: string): Promise<StoredApkDetails | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256) || !(await this.has('apk', sha256))) return null;
    const sidecar = `${this.pathOf('apk', sha256)}.json`;
    const kept = apkDetailsSchema.safeParse(await readFile(sidecar, 'utf8').then(JSON.parse, () => null));
    if (kept.success) return kept.data;
    try {
      const details = detailsOf(await inspectApk(this.pathOf('apk', sha256)));
      await this.#keepDetails(sha256, details);
      return details;
    } catch {
      return null;
    }
  }

  async #keepDetails(sha256: string, details: StoredApkDetails): Promise<void> {
    const temp = join(this.dir, `.details-${randomUUID()}`);
    await writeFile(temp, JSON.stringify(details), { mode: 0o600 });
    await rename(temp, `${this.pathOf('apk', sha256)}.json`);
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
      let apk: StoredApkDetails | null = null;
      if (kind === 'apk') {
        try {
          apk = detailsOf(await inspectApk(temp));
        } catch (error) {
          throw new ImportError('NOT_AN_APK', error instanceof ApkError ? error.message : 'Not an Android package');
        }
        await this.#keepDetails(sha256, apk);
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
