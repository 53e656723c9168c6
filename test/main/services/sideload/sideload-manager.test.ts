import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SideloadManager } from '../../../../main/services/sideload/sideload-manager';
import { launchAndConfirm } from '../../../../main/services/sideload/launch-and-confirm';
import type { SideloadRequest, SideloadUpdate } from '../../../../main/services/sideload/sideload-types';
import { sideloadApk, startCartFixture } from '../../../support/sideload-fixture';
import type { CartFixture } from '../../../support/sideload-fixture';

let fixture: CartFixture;
let apk: Awaited<ReturnType<typeof sideloadApk>>;
const updates: SideloadUpdate[] = [];
let manager: SideloadManager;
let jobCounter = 0;

const MIB = 1024 * 1024;

beforeAll(async () => {
  fixture = await startCartFixture([
    { model: 'Quest 3' },
    { model: 'Quest 2' },
    { model: 'Quest 3S' },
    { model: 'Quest 3', battery: { level: 4 } },
    { model: 'Quest 3', storage: { freeBytes: 2 * MIB } },
    { model: 'Quest 2', faults: { unauthorized: true } },
  ]);
  apk = await sideloadApk({ sizeBytes: 4 * MIB }, ['quest2', 'quest3']);
  // These cases follow the push path (a pushed copy, resumed on retry); stream-install.test.ts covers streaming.
  manager = new SideloadManager({ bridge: fixture.bridge, now: () => new Date(), onUpdate: (u) => updates.push(u), concurrency: 4, installMethod: 'push' });
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
  await apk?.cleanup();
});

function request(serial: string): SideloadRequest {
  jobCounter += 1;
  return { jobId: `00000000-0000-4000-8000-${String(jobCounter).padStart(12, '0')}`, serial, packageId: 'c0ffee00-0000-4000-8000-000000000003', vrSessionId: null, apk };
}

const headset = (i: number) => fixture.cart.headsets[i]!;

describe('SideloadManager on an emulated cart', () => {
  it('installs on every suitable headset in parallel and refuses the rest with a reason, each on its own', async () => {
    const results = await Promise.all(fixture.cart.headsets.map((h) => manager.start(request(h.serial))));
    const byModel = results.map((r, i) => [headset(i).model, r.status, r.error_code]);
    expect(byModel).toEqual([
      ['Quest 3', 'done', null],
      ['Quest 2', 'done', null],
      ['Quest 3S', 'failed', 'PLATFORM_MISMATCH'],
      ['Quest 3', 'failed', 'LOW_BATTERY'],
      ['Quest 3', 'failed', 'INSUFFICIENT_STORAGE'],
      ['Quest 2', 'failed', 'HEADSET_UNAUTHORIZED'],
    ]);
    expect(headset(0).state.installedVersion('org.example.safety')).toBe(7);
    expect(headset(1).state.installedVersion('org.example.safety')).toBe(7);
    // Refused before any byte moved (the installed ones show what a transfer leaves in the trace).
    expect(headset(0).trace.some((t) => t.detail?.startsWith('SEND'))).toBe(true);
    for (const i of [2, 3, 4]) expect(headset(i).trace.some((t) => t.detail?.startsWith('SEND'))).toBe(false);
    const done = results[0]!;
    expect(done.transfer_started_at).not.toBeNull();
    expect(done.transfer_completed_at! >= done.transfer_started_at!).toBe(true);
  });

  it('reports byte progress that only grows and ends at the APK size', () => {
    const first = updates.filter((u) => u.serial === headset(0).serial);
    const sent = first.map((u) => u.bytes_sent);
    expect(sent.at(-1)).toBe(apk.size_bytes);
    expect([...sent].sort((a, b) => a - b)).toEqual(sent);
    expect(first.map((u) => u.status)).toEqual(expect.arrayContaining(['transferring', 'installing', 'verifying', 'done']));
  });

  it('skips a headset that already has this version', async () => {
    expect((await manager.start(request(headset(0).serial))).status).toBe('skipped');
  });

  it('translates an install failure to its code and resumes on retry without pushing again', async () => {
    const h = headset(1);
    await fixture.bridge.shell(h.serial, 'pm uninstall org.example.safety');
    h.faults.forcedInstallFailure = 'INSTALL_FAILED_INTERNAL_ERROR';
    const failed = await manager.start(request(h.serial));
    expect(failed).toMatchObject({ status: 'failed', error_code: 'INSTALL_FAILED_INTERNAL_ERROR' });
    h.faults.forcedInstallFailure = null;
    const sendsBefore = h.trace.filter((t) => t.detail?.startsWith('SEND')).length;
    expect(sendsBefore).toBeGreaterThan(0);
    expect((await manager.start(request(h.serial))).status).toBe('done');
    expect(h.trace.filter((t) => t.detail?.startsWith('SEND')).length).toBe(sendsBefore);
  });

  it('fails a dropped transfer clearly and succeeds on retry', async () => {
    const h = headset(1);
    await fixture.bridge.shell(h.serial, 'pm uninstall org.example.safety');
    await fixture.bridge.shell(h.serial, 'rm -f /data/local/tmp/*.apk');
    h.faults.dropMidTransferAfterBytes = MIB;
    const dropped = await manager.start(request(h.serial));
    expect(dropped.status).toBe('failed');
    expect(['TRANSFER_FAILED', 'HEADSET_DISCONNECTED']).toContain(dropped.error_code);
    h.faults.dropMidTransferAfterBytes = null;
    await fixture.adb.connect(h.serial);
    expect((await manager.start(request(h.serial))).status).toBe('done');
  });

  it('cancels one job mid-transfer without touching the others', async () => {
    const [a, b] = [headset(0), headset(1)];
    for (const h of [a, b]) {
      await fixture.bridge.shell(h.serial, 'pm uninstall org.example.safety');
      await fixture.bridge.shell(h.serial, 'rm -f /data/local/tmp/*.apk');
      h.faults.throttleBytesPerSecond = 2 * MIB;
    }
    try {
      const jobA = request(a.serial);
      const runA = manager.start(jobA);
      const runB = manager.start(request(b.serial));
      await new Promise<void>((resolve) => {
        const check = () => (updates.some((u) => u.id === jobA.jobId && u.bytes_sent > 0 && u.status === 'transferring') ? resolve() : setTimeout(check, 10));
        check();
      });
      expect(manager.cancel(jobA.jobId)).toBe(true);
      expect((await runA).status).toBe('cancelled');
      expect((await runB).status).toBe('done');
      expect(a.state.installedVersion('org.example.safety')).toBeNull();
    } finally {
      for (const h of [a, b]) h.faults.throttleBytesPerSecond = null;
    }
  });

  it('launches and confirms the app is in the foreground', async () => {
    const h = headset(1);
    const result = await launchAndConfirm(fixture.bridge, h.serial, 'org.example.safety', '.MainActivity', { now: () => new Date() });
    expect(result).toMatchObject({ ok: true, via: 'am_start' });
    const missing = await launchAndConfirm(fixture.bridge, h.serial, 'org.example.missing', null, { now: () => new Date(), confirmTimeoutMs: 300 });
    expect(missing).toMatchObject({ ok: false, code: 'LAUNCH_FAILED' });
  });

  it('says the headset is asleep or not worn when the app started but stays paused', async () => {
    const h = headset(1);
    h.state.screenOn = false;
    try {
      const asleep = await launchAndConfirm(fixture.bridge, h.serial, 'org.example.safety', '.MainActivity', { now: () => new Date(), confirmTimeoutMs: 300, pollMs: 50 });
      expect(asleep).toMatchObject({ ok: false, code: 'HEADSET_ASLEEP' });
      // am start did run: the app is on top, only not resumed while nobody wears the headset.
      expect(h.state.foreground.packageName).toBe('org.example.safety');
    } finally {
      h.state.screenOn = true;
    }
    expect(await launchAndConfirm(fixture.bridge, h.serial, 'org.example.safety', '.MainActivity', { now: () => new Date() })).toMatchObject({ ok: true });
  });
});
