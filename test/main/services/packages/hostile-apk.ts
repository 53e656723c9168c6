import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { buildManifestXml } from '../../../fakes/apk-builder';
import type { ApkSpec } from '../../../fakes/apk-builder';

// Crafted APKs that hurt a naive manifest reader.

const SPEC: ApkSpec = { packageName: 'org.example.hostile', versionCode: 1, versionName: '1', label: 'Hostile', minSdk: 29, launchableActivity: '.Main' };

/**
 * A valid manifest whose string pool gains `extra` entries that all point at its longest string: a
 * reader that decodes every entry builds `extra` copies of it. The offsets compress to almost nothing.
 */
export function manifestWithInflatedPool(extra: number): Buffer {
  const xml = buildManifestXml(SPEC);
  const poolAt = xml.readUInt16LE(2);
  const headerSize = xml.readUInt16LE(poolAt + 2);
  const poolSize = xml.readUInt32LE(poolAt + 4);
  const count = xml.readUInt32LE(poolAt + 8);
  const stringsStart = xml.readUInt32LE(poolAt + 20);
  const offsets = xml.subarray(poolAt + headerSize, poolAt + headerSize + count * 4);
  let longest = 0;
  for (let i = 0; i < count; i++) longest = Math.max(longest, offsets.readUInt32LE(i * 4));
  const added = Buffer.alloc(extra * 4);
  for (let i = 0; i < extra; i++) added.writeUInt32LE(longest, i * 4);
  const header = Buffer.from(xml.subarray(poolAt, poolAt + headerSize));
  header.writeUInt32LE(poolSize + added.length, 4);
  header.writeUInt32LE(count + extra, 8);
  header.writeUInt32LE(stringsStart + added.length, 20);
  const pool = Buffer.concat([header, offsets, added, xml.subarray(poolAt + headerSize + count * 4, poolAt + poolSize)]);
  const out = Buffer.concat([xml.subarray(0, poolAt), pool, xml.subarray(poolAt + poolSize)]);
  out.writeUInt32LE(out.length, 4);
  return out;
}

/** Zeros, streamed: a manifest entry that inflates to `bytes` from a tiny deflate stream. */
function zeros(bytes: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  return Readable.from(
    (function* () {
      for (let left = bytes; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
    })(),
  );
}

export async function writeApk(path: string, manifest: Buffer | { zeros: number }): Promise<void> {
  const zip = new ZipFile();
  if (Buffer.isBuffer(manifest)) zip.addBuffer(manifest, 'AndroidManifest.xml', { compress: true });
  else zip.addReadStream(zeros(manifest.zeros), 'AndroidManifest.xml', { compress: true, size: manifest.zeros });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}
