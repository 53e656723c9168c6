import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadsetService } from '../../../../main/services/headsets/headset-service';
import { PackageStore } from '../../../../main/services/packages/package-store';
import { remoteApkPath } from '../../../../main/services/sideload/run-sideload';
import { SideloadManager } from '../../../../main/services/sideload/sideload-manager';
import { SideloadService } from '../../../../main/services/sideload/sideload-service';
import type { SideloadApk, SideloadRequest, SideloadUpdate } from '../../../../main/services/sideload/sideload-types';
import type { QuestHeadset } from '../../../fakes/quest-adbd';
import { signatureHashCode } from '../../../fakes/quest-adbd/device-state';
import { sideloadApk, startCartFixture } from '../../../support/sideload-fixture';
import type { CartFixture } from '../../../support/sideload-fixture';

// Preflight refuses before a byte moves whatever pm would refuse after the push; a refusal after the push
// leaves no copy behind; storage filling mid-push says so.

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
let fixture: CartFixture;
let dir: string;
const apks: Array<{ cleanup(): Promise<void> }> = [];
let jobCounter = 0;
const updates: SideloadUpdate[] = [];
let manager: SideloadManager;

beforeAll(async () => {
  fixture = await startCartFixture([
    { model: 'Quest' }, // Android 10, SDK 29
    { model: 'Quest 3', sdk: 34, release: '14' },
    { model: 'Quest 3' },
    // 100 GiB: Android keeps 500 MiB free; 2 x 4 MiB + 300 MiB free is below that.
    { model: 'Quest 3', storage: { totalBytes: 100 * GIB, freeBytes: 300 * MIB } },
  ]);
  dir = await mkdtemp(join(tmpdir(), 'outpost-preflight-'));
  // Push + install: what happens to the pushed copy is the point of the "after the push" cases.
  manager = new SideloadManager({ bridge: fixture.bridge, now: () => new Date(), onUpdate: (u) => updates.push(u), concurrency: 4, installMethod: 'push' });
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
  for (const apk of apks) await apk.cleanup();
  await rm(dir, { recursive: true, force: true });
});

const headset = (i: number) => fixture.cart.headsets[i]!;
const sends = (h: QuestHeadset) => h.trace.filter((t) => t.detail?.startsWith('SEND')).length;

async function apkWith(spec: Parameters<typeof sideloadApk>[0]): Promise<SideloadApk> {
  const apk = await sideloadApk(spec, ['quest', 'quest2', 'quest3']);
  apks.push(apk);
  return apk;
}

function request(serial: string, apk: SideloadApk): SideloadRequest {
  jobCounter += 1;
  return { jobId: `00000000-0000-4000-8000-${String(jobCounter).padStart(12, '0')}`, serial, packageId: 'c0ffee00-0000-4000-8000-000000000003', vrSessionId: null, apk };
}

describe('preflight knows what the APK needs before a byte moves', () => {
  it('refuses an app whose minimum SDK is above the headset, unpushed', async () => {
    const apk = await apkWith({ sizeBytes: 2 * MIB, minSdk: 32 });
    const before = sends(headset(0));
    expect(await manager.start(request(headset(0).serial, apk))).toMatchObject({ status: 'failed', error_code: 'INSTALL_FAILED_OLDER_SDK', bytes_sent: 0 });
    expect(sends(headset(0))).toBe(before);
  });

  it('refuses an app targeting below SDK 23 on Android 14, unpushed', async () => {
    const apk = await apkWith({ sizeBytes: 2 * MIB, minSdk: 21, targetSdk: 22 });
    const before = sends(headset(1));
    expect(await manager.start(request(headset(1).serial, apk))).toMatchObject({ status: 'failed', error_code: 'INSTALL_FAILED_DEPRECATED_SDK_VERSION' });
    expect(sends(headset(1))).toBe(before);
  });

  it('refuses native code the headset cannot run, unpushed, and installs arm64 code', async () => {
    const x86 = await apkWith({ sizeBytes: 2 * MIB, nativeAbis: ['x86_64'] });
    const before = sends(headset(2));
    expect(await manager.start(request(headset(2).serial, x86))).toMatchObject({ status: 'failed', error_code: 'INSTALL_FAILED_NO_MATCHING_ABIS' });
    expect(sends(headset(2))).toBe(before);
    const arm = await apkWith({ sizeBytes: 2 * MIB, nativeAbis: ['arm64-v8a'], packageName: 'org.example.native' });
    expect((await manager.start(request(headset(2).serial, arm))).status).toBe('done');
  });

  it("counts Android's low-storage reserve", async () => {
    const apk = await apkWith({ sizeBytes: 4 * MIB });
    const result = await manager.start(request(headset(3).serial, apk));
    expect(result).toMatchObject({ status: 'failed', error_code: 'INSUFFICIENT_STORAGE' });
    expect(result.error_message).toMatch(/reserve/);
    expect(sends(headset(3))).toBe(0);
  });

  it("uses the minimum SDK main read at import, not the renderer's word", async () => {
    const built = await apkWith({ sizeBytes: MIB, minSdk: 32, packageName: 'org.example.modern' });
    const store = new PackageStore(join(dir, 'store'));
    const stored = await store.import('apk', 'modern.apk', createReadStream(built.path));
    const headsets = new HeadsetService({ bridge: fixture.bridge, now: () => new Date(), onChange: () => undefined, log: () => undefined });
    const seen: SideloadUpdate[] = [];
    const service = new SideloadService({ manager, store, headsets, now: () => new Date(), onUpdate: (u) => seen.push(u) });
    const jobId = '00000000-0000-4000-8000-999999999999';
    await service.start([
      { job_id: jobId, serial: headset(0).serial, package_id: 'c0ffee00-0000-4000-8000-000000000003', vr_session_id: null, apk_sha256: stored.sha256, package_name: 'org.example.modern', version_code: 7, target_platforms: ['quest'], obb_files: [] },
    ]);
    await waitFor(() => updates.some((u) => u.id === jobId && u.status === 'failed'));
    expect(updates.find((u) => u.id === jobId && u.status === 'failed')).toMatchObject({ error_code: 'INSTALL_FAILED_OLDER_SDK' });
  });
});

describe('the signing certificate against the installed copy', () => {
  const publisher = Buffer.from('3082010a0282010100c0ffee', 'hex');
  const stranger = Buffer.from('3082010a0282010100badbad', 'hex');

  it('refuses a differently signed update before pushing, and goes ahead when the instructor chose to uninstall first', async () => {
    const h = headset(2);
    const first = await apkWith({ sizeBytes: MIB, packageName: 'org.example.signed', versionCode: 1, signingCertificate: publisher });
    expect(first.signature_hash).toBe(signatureHashCode(publisher));
    expect((await manager.start(request(h.serial, first))).status).toBe('done');
    const sameSigner = await apkWith({ sizeBytes: MIB, packageName: 'org.example.signed', versionCode: 2, signingCertificate: publisher });
    expect((await manager.start(request(h.serial, sameSigner))).status).toBe('done');

    const other = await apkWith({ sizeBytes: MIB, packageName: 'org.example.signed', versionCode: 3, signingCertificate: stranger });
    const before = sends(h);
    const refused = await manager.start(request(h.serial, other));
    expect(refused).toMatchObject({ status: 'failed', error_code: 'INSTALL_FAILED_UPDATE_INCOMPATIBLE' });
    expect(refused.error_message).toMatch(/uninstall it first\?/);
    expect(sends(h)).toBe(before);
    expect(h.state.installedVersion('org.example.signed')).toBe(2);

    expect((await manager.start({ ...request(h.serial, other), uninstallFirst: true })).status).toBe('done');
    expect(h.state.installedVersion('org.example.signed')).toBe(3);
  });
});

describe('after the push', () => {
  it('removes the pushed copy when pm refuses for good, and keeps it for a retryable failure', async () => {
    const h = headset(2);
    const apk = await apkWith({ sizeBytes: 2 * MIB, packageName: 'org.example.refused' });
    h.faults.forcedInstallFailure = 'INSTALL_FAILED_INVALID_APK';
    try {
      expect(await manager.start(request(h.serial, apk))).toMatchObject({ status: 'failed', error_code: 'INSTALL_FAILED_INVALID_APK' });
      expect(await h.state.fileExists(remoteApkPath(apk.sha256))).toBe(false);
      h.faults.forcedInstallFailure = 'INSTALL_FAILED_INTERNAL_ERROR';
      expect(await manager.start(request(h.serial, apk))).toMatchObject({ status: 'failed', error_code: 'INSTALL_FAILED_INTERNAL_ERROR' });
      expect(await h.state.fileExists(remoteApkPath(apk.sha256))).toBe(true);
    } finally {
      h.faults.forcedInstallFailure = null;
    }
  });

  it('says the storage ran out when it fills mid-push, and leaves nothing behind', async () => {
    const h = headset(2);
    const apk = await apkWith({ sizeBytes: 6 * MIB, packageName: 'org.example.big' });
    h.faults.throttleBytesPerSecond = 4 * MIB;
    try {
      const job = request(h.serial, apk);
      const running = manager.start(job);
      await waitFor(() => updates.some((u) => u.id === job.jobId && u.status === 'transferring' && u.bytes_sent > 0));
      // Something else on the headset (a game update) takes the space.
      h.state.storage.freeBytes = 64 * 1024;
      const result = await running;
      expect(result, result.error_message ?? '').toMatchObject({ status: 'failed', error_code: 'STORAGE_FULL_DURING_TRANSFER' });
      expect(result.error_message).toMatch(/ran out of storage/);
      expect(await h.state.fileExists(remoteApkPath(apk.sha256))).toBe(false);
    } finally {
      h.faults.throttleBytesPerSecond = null;
      h.state.storage.freeBytes = 50 * GIB;
    }
  });

  it('stamps when the transfer started and when the install was verified', async () => {
    const h = headset(2);
    const apk = await apkWith({ sizeBytes: 2 * MIB, packageName: 'org.example.stamped' });
    const job = request(h.serial, apk);
    const result = await manager.start(job);
    const mine = updates.filter((u) => u.id === job.jobId);
    const firstTransfer = mine.find((u) => u.status === 'transferring')!;
    expect(result.status).toBe('done');
    // Stamped as the transfer began: with the first 'transferring' update (same clock reading or one tick before).
    expect(firstTransfer.transfer_started_at).toBe(result.transfer_started_at);
    expect(Date.parse(firstTransfer.at) - Date.parse(result.transfer_started_at!)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(firstTransfer.at) - Date.parse(result.transfer_started_at!)).toBeLessThan(100);
    expect(mine.filter((u) => u.status !== 'transferring' && Date.parse(u.at) < Date.parse(result.transfer_started_at!))).toEqual([]);
    expect(result.transfer_completed_at! >= result.transfer_started_at!).toBe(true);
    expect(result.install_verified_at).toBe(result.transfer_completed_at);
    // Verified after the last progress report (bytes all on the headset) and after the transfer started.
    expect(result.install_verified_at! >= mine.filter((u) => u.status === 'transferring').at(-1)!.at).toBe(true);
  });
});

function waitFor(predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (predicate() ? resolve() : setTimeout(check, 10));
    check();
  });
}
