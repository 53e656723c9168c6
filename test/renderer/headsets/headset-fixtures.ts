import type { Headset } from '../../../shared/headsets/headset';
import type { SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import type { VrPackageRow } from '../../../renderer/src/db/rows';
import { SAFETY_PKG } from '../../support/local-api-fixture';

export const JOB = '10b00000-0000-4000-8000-000000000001';
export const QUEST3 = '127.0.0.1:40001';

/** One job's events as main emits them, each a patch over the previous one. */
export function updateSequence(sessionId: string | null, steps: ReadonlyArray<Partial<SideloadUpdate> & { at: string }>): SideloadUpdate[] {
  let state: SideloadUpdate = {
    id: JOB,
    serial: QUEST3,
    package_id: SAFETY_PKG,
    vr_session_id: sessionId,
    status: 'queued',
    bytes_total: 8_000_000,
    bytes_sent: 0,
    error_code: null,
    error_message: null,
    transfer_started_at: null,
    transfer_completed_at: null,
    at: '2026-03-02T09:00:00.000Z',
  };
  return steps.map((step) => (state = { ...state, ...step }));
}

/** A full, successful install: transfer from :01 to :04, done with the transfer completed at :05. */
export function successfulInstall(sessionId: string | null): SideloadUpdate[] {
  return updateSequence(sessionId, [
    { at: '2026-03-02T09:01:00.000Z' },
    { status: 'transferring', transfer_started_at: '2026-03-02T09:01:00.000Z', at: '2026-03-02T09:01:00.000Z' },
    { bytes_sent: 4_000_000, at: '2026-03-02T09:02:00.000Z' },
    { bytes_sent: 8_000_000, at: '2026-03-02T09:03:00.000Z' },
    { status: 'installing', at: '2026-03-02T09:04:00.000Z' },
    { status: 'verifying', at: '2026-03-02T09:04:30.000Z' },
    { status: 'done', transfer_completed_at: '2026-03-02T09:05:00.000Z', at: '2026-03-02T09:05:00.000Z' },
  ]);
}

export const APK_SHA = 'a'.repeat(64);

/** The Safety package as an APK import leaves it in the library. */
export const importedPackage: VrPackageRow = {
  id: SAFETY_PKG,
  title: 'Safety VR',
  version: '1.0.7',
  target_platforms: ['quest2', 'quest3'],
  package_name: 'org.example.safety',
  version_code: 7,
  apk_sha256: APK_SHA,
  apk_size_bytes: 8_000_000,
  obb_files: [{ name: 'main.7.org.example.safety.obb', size_bytes: 100, sha256: 'b'.repeat(64) }],
};

export function headsetRow(serial: string, state: Headset['state'], model: string | null = 'Quest 3', installed: Headset['installed'] = []): Headset {
  return { serial, state, model, battery_level: 80, free_bytes: 1e10, total_bytes: 1e11, installed, label: null, last_seen_at: '2026-03-02T09:00:00.000Z' };
}

/** Predictable job ids: 00000000-0000-4000-8000-000000000001, …002, … */
export function sequentialIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}
