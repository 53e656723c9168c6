import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApkError, inspectApk } from '../../main/services/packages/apk-inspector';
import { decodeManifest } from '../../main/services/packages/manifest-decoder';
import type { DecodedManifest } from '../../main/services/packages/manifest-decoder';
import { ManifestFieldError, validateManifest } from '../../main/services/packages/manifest-fields';
import { buildApk, buildManifestXml } from '../fakes/apk-builder';
import type { ApkSpec } from '../fakes/apk-builder';
import { fuzzParams } from './local-api-harness';

/**
 * Truncated, fake and hostile APKs, beyond the crafted ones in test/main/services/packages: the binary-XML
 * decoder over mutated manifests, the field checks over any decoded value, and inspectApk end to end over
 * truncated and bit-flipped packages. Every outcome is an ApkInfo or an ApkError with its code, quickly.
 */
const SPEC: ApkSpec = { packageName: 'org.example.fuzz', versionCode: 7, versionName: '1.0', label: 'Fuzz', minSdk: 29, targetSdk: 32, launchableActivity: '.Main', nativeAbis: ['arm64-v8a'] };
const manifest = buildManifestXml(SPEC);

/** A manifest with some bytes overwritten, a slice cut out, random bytes spliced in, or cut short. */
const mutatedManifest = fc.oneof(
  fc.array(fc.tuple(fc.nat({ max: manifest.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }).map((flips) => {
    const copy = Buffer.from(manifest);
    for (const [at, value] of flips) copy[at] = value;
    return copy;
  }),
  fc.tuple(fc.nat({ max: manifest.length }), fc.nat({ max: 64 })).map(([at, cut]) => Buffer.concat([manifest.subarray(0, at), manifest.subarray(Math.min(manifest.length, at + cut))])),
  fc.tuple(fc.nat({ max: manifest.length }), fc.uint8Array({ maxLength: 64 })).map(([at, bytes]) => Buffer.concat([manifest.subarray(0, at), bytes, manifest.subarray(at)])),
  fc.nat({ max: manifest.length }).map((at) => manifest.subarray(0, at)),
  fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
  // Header fields that drive the loops (chunk sizes, counts, offsets) set to extremes.
  fc.tuple(fc.constantFrom(4, 8, 12, 16, 20, 24, 28), fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff, 0xfffffff0)).map(([at, value]) => {
    const copy = Buffer.from(manifest);
    if (at + 4 <= copy.length) copy.writeUInt32LE(value, at);
    return copy;
  }),
);

let dir: string;
let apk: Buffer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apk-fuzz-'));
  // Signed (an APK Signing Block before the central directory), so the signature reader is fuzzed too.
  const built = await buildApk({ ...SPEC, sizeBytes: 64 * 1024, signingCertificate: Buffer.from('3082010a0282010100c0ffee', 'hex') });
  apk = await readFile(built.path);
  await rm(dirname(built.path), { recursive: true, force: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fuzz: APK reader (main/services/packages)', () => {
  it('the manifest decoder answers any mutation with a value or an Error, in bounded time', () => {
    fc.assert(
      fc.property(mutatedManifest, (bytes) => {
        const started = performance.now();
        let decoded: DecodedManifest | null = null;
        try {
          decoded = decodeManifest(bytes, 1_000_000);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
        }
        expect(performance.now() - started).toBeLessThan(2_000);
        if (decoded === null) return;
        // Whatever it decoded, the field checks accept it as valid fields or refuse it by name.
        try {
          const fields = validateManifest(decoded);
          expect(fields.package_name).toMatch(/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/);
          expect(Number.isSafeInteger(fields.version_code)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ManifestFieldError);
        }
      }),
      fuzzParams(600),
    );
  });

  it('the field checks refuse any decoded value that is not a manifest, by name', () => {
    const decodedValue = fc.record({
      package: fc.anything(),
      versionCode: fc.anything(),
      versionCodeMajor: fc.anything(),
      versionName: fc.anything(),
      minSdk: fc.anything(),
      targetSdk: fc.anything(),
      label: fc.anything(),
      activities: fc.array(fc.record({ name: fc.anything(), alias: fc.boolean(), main: fc.boolean(), categories: fc.array(fc.anything(), { maxLength: 3 }) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(decodedValue, (decoded) => {
        try {
          const fields = validateManifest(decoded);
          expect(typeof fields.package_name).toBe('string');
          expect(Number.isSafeInteger(fields.version_code) && fields.version_code >= 0).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ManifestFieldError);
        }
      }),
      fuzzParams(500),
    );
  });

  it('inspectApk answers truncated, bit-flipped and fake packages with an ApkError, never anything else', async () => {
    const hostileApk = fc.oneof(
      fc.nat({ max: apk.length - 1 }).map((at) => apk.subarray(0, at)),
      fc.array(fc.tuple(fc.nat({ max: apk.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
        const copy = Buffer.from(apk);
        for (const [at, value] of flips) copy[at] = value;
        return copy;
      }),
      // The last 4 KiB (central directory, end record) are where a zip reader trusts offsets and counts.
      fc.array(fc.tuple(fc.nat({ max: 4095 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
        const copy = Buffer.from(apk);
        for (const [at, value] of flips) copy[copy.length - 1 - at] = value;
        return copy;
      }),
      fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.concat([Buffer.from('PK\u0003\u0004'), bytes])),
    );
    let n = 0;
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(hostileApk, async (bytes) => {
        n += 1;
        const path = join(dir, `case-${n}.apk`);
        await writeFile(path, bytes);
        const started = performance.now();
        const outcome = await inspectApk(path).then(
          (info) => ({ ok: true as const, info }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        expect(performance.now() - started).toBeLessThan(15_000);
        await rm(path);
        if (outcome.ok) {
          expect(outcome.info.package_name).toMatch(/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/);
          expect(outcome.info.size_bytes).toBe(bytes.length);
          codes.set('accepted', (codes.get('accepted') ?? 0) + 1);
        } else {
          expect(outcome.error).toBeInstanceOf(ApkError);
          const code = (outcome.error as ApkError).code;
          expect(['NOT_AN_APK', 'NO_PACKAGE_NAME']).toContain(code);
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }),
      fuzzParams(60),
    );
    expect(codes.get('NOT_AN_APK') ?? 0, JSON.stringify(Object.fromEntries(codes))).toBeGreaterThan(0);
  }, 180_000);
});
