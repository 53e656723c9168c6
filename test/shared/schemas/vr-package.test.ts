import { describe, expect, it } from 'vitest';
import {
  androidPackageNameSchema,
  vrPackageRecordSchema,
  vrPackageSchema,
  vrPackageSummarySchema,
} from '../../../shared/schemas/vr-package';
import { listSessionsResponse } from './fixtures/vr-seed-examples';
import { rejectionPaths } from './fixtures/rejection';

const seedPackage = listSessionsResponse.sessions[0]!.package;
const sha = 'a'.repeat(64);

describe('vrPackageSummarySchema', () => {
  it('parses the package embedded in the seed session', () => {
    expect(vrPackageSummarySchema.parse(seedPackage)).toEqual(seedPackage);
  });

  it('rejects an unknown target platform on its index', () => {
    expect(rejectionPaths(vrPackageSummarySchema, { ...seedPackage, target_platforms: ['quest3', 'vive'] })).toEqual([
      'target_platforms.1',
    ]);
  });

  it('accepts every documented platform', () => {
    const all = ['quest', 'quest2', 'quest3', 'quest3s', 'quest_pro'];
    expect(vrPackageSchema.parse({ ...seedPackage, target_platforms: all }).target_platforms).toEqual(all);
  });
});

describe('vrPackageRecordSchema', () => {
  const record = {
    ...seedPackage,
    package_name: 'com.example.safety_vr',
    version_code: 42,
    version_name: '1.0.0',
    label: 'Safety Training',
    min_sdk: 29,
    apk_sha256: sha,
    apk_size_bytes: 123_456_789,
    obb_files: [{ name: 'main.42.com.example.safety_vr.obb', size_bytes: 1024, sha256: sha }],
    imported_at: '2025-01-15T09:00:00Z',
  };

  it('accepts a fully read APK and a catalog-only package', () => {
    expect(vrPackageRecordSchema.parse(record)).toEqual(record);
    expect(vrPackageRecordSchema.safeParse(seedPackage).success).toBe(true);
  });

  it('rejects bad local fields on their paths', () => {
    expect(rejectionPaths(vrPackageRecordSchema, { ...record, apk_sha256: sha.toUpperCase() })).toEqual([
      'apk_sha256',
    ]);
    expect(rejectionPaths(vrPackageRecordSchema, { ...record, version_code: 1.5 })).toEqual(['version_code']);
    for (const name of ['../evil.obb', '..', 'a/b.obb']) {
      const obb_files = [{ name, size_bytes: 1, sha256: sha }];
      expect(rejectionPaths(vrPackageRecordSchema, { ...record, obb_files })).toEqual(['obb_files.0.name']);
    }
  });

  it('strips the local fields when parsed as the seed package', () => {
    expect(vrPackageSchema.parse(record)).toEqual(seedPackage);
  });
});

describe('androidPackageNameSchema', () => {
  it.each(['com.oculus.demo', 'com.Example.app_2'])('accepts %s', (name) => {
    expect(androidPackageNameSchema.safeParse(name).success).toBe(true);
  });

  it.each(['demo', 'com..x', '1com.x', 'com.x-y', 'com.x.'])('rejects %s', (name) => {
    expect(androidPackageNameSchema.safeParse(name).success).toBe(false);
  });
});
