import { describe, expect, it } from 'vitest';
import { planInstall } from '../../../renderer/src/headsets/install-plan';
import { SAFETY_PKG } from '../../support/local-api-fixture';
import { APK_SHA, headsetRow, importedPackage, sequentialIds as ids } from './headset-fixtures';

describe('planInstall', () => {
  it('makes one job per connected headset, carrying the assigned session and the package’s files', () => {
    const headsets = [headsetRow('q3', 'device'), headsetRow('q2', 'device', 'Quest 2'), headsetRow('old', 'unauthorized'), headsetRow('gone', 'disconnected')];
    const plan = planInstall(importedPackage, headsets, { q3: '5e551011-0000-4000-8000-000000000001', q2: null }, ids());
    expect(plan).toEqual({
      ok: true,
      specs: [
        {
          job_id: '00000000-0000-4000-8000-000000000001',
          serial: 'q3',
          package_id: SAFETY_PKG,
          vr_session_id: '5e551011-0000-4000-8000-000000000001',
          apk_sha256: APK_SHA,
          package_name: 'org.example.safety',
          version_code: 7,
          target_platforms: ['quest2', 'quest3'],
          obb_files: [{ name: 'main.7.org.example.safety.obb', sha256: 'b'.repeat(64) }],
        },
        expect.objectContaining({ job_id: '00000000-0000-4000-8000-000000000002', serial: 'q2', vr_session_id: null }),
      ],
      skipped: [headsets[2], headsets[3]],
    });
  });

  it('refuses a package without an APK, and a cart with nothing connected', () => {
    const { apk_sha256: _sha, ...byHand } = importedPackage;
    expect(planInstall(byHand, [headsetRow('q3', 'device')], {}, ids())).toEqual({ ok: false, reason: 'noApk' });
    expect(planInstall(importedPackage, [headsetRow('q3', 'offline')], {}, ids())).toEqual({ ok: false, reason: 'noHeadsets' });
  });
});
