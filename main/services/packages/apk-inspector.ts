import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { androidSignatureHash, readSigningCertificate } from './apk-signing';
import { ApkZipError, readApkContents } from './apk-zip';
import { ManifestFieldError, validateManifest } from './manifest-fields';
import type { ManifestFields } from './manifest-fields';
import { ManifestDecodeError, decodeManifestInWorker } from './manifest-worker';

/** Things an instructor should know at import; the APK is still accepted. */
export type ApkWarning = 'NO_LAUNCHER_ACTIVITY' | 'NO_ARM64_CODE';

export interface ApkInfo extends ManifestFields {
  /** ABIs the APK ships native code for; empty: no native code (runs on any ABI). */
  readonly native_abis: readonly string[];
  readonly warnings: readonly ApkWarning[];
  /** The signing certificate as `dumpsys package` names it (Signature#hashCode); null: unsigned or v1-only. */
  readonly signature_hash: string | null;
  readonly sha256: string;
  readonly size_bytes: number;
}

export class ApkError extends Error {
  constructor(
    readonly code: 'NOT_AN_APK' | 'NO_PACKAGE_NAME' | 'FILE_UNREADABLE',
    message: string,
  ) {
    super(message);
    this.name = 'ApkError';
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads what the library needs to know from an APK, with a clear error for anything that is not one. Main
 * only lists the zip and checks sizes; the manifest is decoded in a memory-capped worker and every field
 * is validated here before it is used.
 */
export async function inspectApk(path: string): Promise<ApkInfo> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ApkError('FILE_UNREADABLE', `Cannot read ${path}`);
  }
  let fields: ManifestFields;
  let nativeAbis: readonly string[];
  try {
    const contents = await readApkContents(path);
    nativeAbis = contents.nativeAbis;
    fields = validateManifest(await decodeManifestInWorker(contents.manifest));
  } catch (error) {
    if (error instanceof ManifestFieldError) throw new ApkError('NO_PACKAGE_NAME', error.message);
    if (error instanceof ApkZipError || error instanceof ManifestDecodeError) throw new ApkError('NOT_AN_APK', `Not an Android package: ${error.message}`);
    throw error;
  }
  const warnings: ApkWarning[] = [];
  if (fields.launch_activity === null) warnings.push('NO_LAUNCHER_ACTIVITY');
  if (nativeAbis.length > 0 && !nativeAbis.includes('arm64-v8a')) warnings.push('NO_ARM64_CODE');
  const certificate = await readSigningCertificate(path).catch(() => null);
  return { ...fields, native_abis: nativeAbis, warnings, signature_hash: certificate ? androidSignatureHash(certificate) : null, sha256: await sha256File(path), size_bytes: size };
}
