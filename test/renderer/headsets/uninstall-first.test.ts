import { describe, expect, it } from 'vitest';
import type { SideloadJobRow, VrPackageRow } from '../../../renderer/src/db/rows';
import { uninstallFirstSpec } from '../../../renderer/src/headsets/uninstall-first';
import { sideloadJobSpecSchema } from '../../../shared/headsets/sideload-contract';

const job: SideloadJobRow = {
  id: '11111111-1111-4111-8111-111111111111',
  serial: '2G0YC1ZF8B0123',
  package_id: '22222222-2222-4222-8222-222222222222',
  vr_session_id: '33333333-3333-4333-8333-333333333333',
  status: 'failed',
  bytes_total: 10,
  bytes_sent: 10,
  error_code: 'INSTALL_FAILED_UPDATE_INCOMPATIBLE',
  error_message: 'signatures do not match',
  created_at: '2026-03-02T09:00:00.000Z',
  updated_at: '2026-03-02T09:00:01.000Z',
};
const pkg: VrPackageRow = {
  id: job.package_id,
  title: 'Safety VR',
  version: '1.0.7',
  target_platforms: ['quest3'],
  package_name: 'org.example.safety',
  version_code: 7,
  apk_sha256: 'a'.repeat(64),
  obb_files: [{ name: 'main.7.org.example.safety.obb', sha256: 'b'.repeat(64), size_bytes: 5 }],
};

describe('uninstall first', () => {
  it('sends the same install to the same headset for the same session, asking to remove the other copy first', () => {
    const spec = uninstallFirstSpec(job, pkg, () => '44444444-4444-4444-8444-444444444444');
    expect(sideloadJobSpecSchema.parse(spec)).toEqual({
      job_id: '44444444-4444-4444-8444-444444444444',
      serial: job.serial,
      package_id: pkg.id,
      vr_session_id: job.vr_session_id,
      apk_sha256: pkg.apk_sha256,
      package_name: 'org.example.safety',
      version_code: 7,
      target_platforms: ['quest3'],
      obb_files: [{ name: 'main.7.org.example.safety.obb', sha256: 'b'.repeat(64) }],
      uninstall_first: true,
    });
  });

  it('offers nothing when the library row has no APK to send', () => {
    expect(uninstallFirstSpec(job, { ...pkg, apk_sha256: undefined }, () => 'x')).toBeNull();
  });
});
