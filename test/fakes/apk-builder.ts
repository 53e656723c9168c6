import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { EndOptions } from 'yazl';
import { insertSigningBlock, signingBlock } from './apk-signing-block';
import { androidAttr, element, encodeBinaryXml, plainAttr } from './axml-writer';
import type { XmlElement } from './axml-writer';

// Test APKs: a real zip with a real compiled AndroidManifest.xml, optionally
// padded with incompressible bytes to a target size (streamed, never in memory).

export interface ApkSpec {
  packageName: string;
  versionCode: number;
  versionName: string;
  label: string;
  minSdk: number;
  targetSdk?: number;
  /** Activity with MAIN/LAUNCHER (plus the Quest VR category); absolute or ".Relative". null: no launcher. */
  launchableActivity: string | null;
  /** Exact file size to reach with a stored padding entry. */
  sizeBytes?: number;
  /** Where to write; a fresh temp dir by default. */
  outPath?: string;
  /** Native code: one lib/<abi>/libmain.so per ABI (none: a pure Java/Kotlin app). */
  nativeAbis?: readonly string[];
  /** Signs with APK Signature Scheme v2 naming this certificate (DER bytes); unsigned when absent. */
  signingCertificate?: Buffer;
}

export interface BuiltApk {
  path: string;
  sizeBytes: number;
}

const PADDING_ENTRY = 'assets/padding.bin';
const MANIFEST_ENTRY = 'AndroidManifest.xml';
// Fixed so identical specs produce identical zips (the bytes of the padding aside).
const ENTRY_MTIME = new Date('2024-01-01T00:00:00Z');

const S = (value: string) => ({ type: 'string', value }) as const;
const I = (value: number) => ({ type: 'int', value }) as const;
const B = (value: boolean) => ({ type: 'bool', value }) as const;

export function buildManifestXml(spec: ApkSpec): Buffer {
  const activities: XmlElement[] =
    spec.launchableActivity === null
      ? []
      : [
          element('activity', [androidAttr('name', S(spec.launchableActivity)), androidAttr('exported', B(true))], [
            element('intent-filter', [], [
              element('action', [androidAttr('name', S('android.intent.action.MAIN'))]),
              element('category', [androidAttr('name', S('android.intent.category.LAUNCHER'))]),
              element('category', [androidAttr('name', S('com.oculus.intent.category.VR'))]),
            ]),
          ]),
        ];
  const manifest = element(
    'manifest',
    [
      androidAttr('versionCode', I(spec.versionCode)),
      androidAttr('versionName', S(spec.versionName)),
      plainAttr('package', S(spec.packageName)),
    ],
    [
      element('uses-sdk', [androidAttr('minSdkVersion', I(spec.minSdk)), androidAttr('targetSdkVersion', I(spec.targetSdk ?? Math.max(spec.minSdk, 32)))]),
      element('uses-feature', [androidAttr('name', S('android.hardware.vr.headtracking')), androidAttr('required', B(true))]),
      element('application', [androidAttr('label', S(spec.label)), androidAttr('hasCode', B(false))], [
        element('meta-data', [androidAttr('name', S('com.oculus.supportedDevices')), androidAttr('value', S('quest|quest2|questpro|quest3|quest3s'))]),
        ...activities,
      ]),
    ],
  );
  return encodeBinaryXml(manifest);
}

function randomStream(total: number): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    const chunkSize = 1024 * 1024;
    for (let left = total; left > 0; left -= chunkSize) yield randomBytes(Math.min(chunkSize, left));
  }
  return Readable.from(chunks());
}

/** An ELF header is enough for anything that only lists an APK's native libraries. */
const NATIVE_LIB = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(57)]);

function addNativeLibs(zip: ZipFile, abis: readonly string[]): void {
  for (const abi of abis) zip.addBuffer(NATIVE_LIB, `lib/${abi}/libmain.so`, { mtime: ENTRY_MTIME, compress: false });
}

function addEntries(zip: ZipFile, manifest: Buffer, paddingBytes: number | null, exactSize: boolean, abis: readonly string[]): void {
  zip.addBuffer(manifest, MANIFEST_ENTRY, { mtime: ENTRY_MTIME, compress: !exactSize });
  addNativeLibs(zip, abis);
  if (paddingBytes !== null) {
    zip.addReadStreamLazy(PADDING_ENTRY, { mtime: ENTRY_MTIME, compress: false, size: paddingBytes }, (callback) =>
      callback(null, randomStream(paddingBytes)),
    );
  }
}

/** Size of the finished zip for a given padding length, from yazl's own arithmetic. */
function zipSizeWith(manifest: Buffer, paddingBytes: number, abis: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = new ZipFile();
    probe.addBuffer(manifest, MANIFEST_ENTRY, { mtime: ENTRY_MTIME, compress: false });
    addNativeLibs(probe, abis);
    // The probe is never read, so the stream factory is never needed.
    probe.addReadStreamLazy(PADDING_ENTRY, { mtime: ENTRY_MTIME, compress: false, size: paddingBytes }, () => undefined);
    // @types/yazl declares the size callback without its argument; yazl passes the total.
    const end = probe.end.bind(probe) as (options: EndOptions, callback: (total: number) => void) => void;
    end({ forceZip64Format: false, comment: '' }, (total) => (total < 0 ? reject(new Error('yazl could not size the zip')) : resolve(total)));
  });
}

export async function buildApk(spec: ApkSpec): Promise<BuiltApk> {
  const manifest = buildManifestXml(spec);
  let padding: number | null = null;
  if (spec.sizeBytes !== undefined) {
    const blockBytes = spec.signingCertificate ? signingBlock(spec.signingCertificate).length : 0;
    const overhead = (await zipSizeWith(manifest, 0, spec.nativeAbis ?? [])) + blockBytes;
    if (spec.sizeBytes < overhead) throw new Error(`sizeBytes ${spec.sizeBytes} is below the minimum ${overhead} for this manifest`);
    padding = spec.sizeBytes - overhead;
  }
  const path = spec.outPath ?? join(await mkdtemp(join(tmpdir(), 'outpost-apk-')), `${spec.packageName}-${spec.versionCode}.apk`);
  await mkdir(dirname(path), { recursive: true });
  const zip = new ZipFile();
  addEntries(zip, manifest, padding, spec.sizeBytes !== undefined, spec.nativeAbis ?? []);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  if (spec.signingCertificate) {
    await insertSigningBlock(path, spec.signingCertificate);
  }
  return { path, sizeBytes: (await stat(path)).size };
}
