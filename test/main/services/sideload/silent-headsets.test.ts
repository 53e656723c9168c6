import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HeadsetService } from '../../../../main/services/headsets/headset-service';
import { SideloadManager } from '../../../../main/services/sideload/sideload-manager';
import { DEFAULT_SIDELOAD_TIMING } from '../../../../main/services/sideload/sideload-timing';
import type { SideloadRequest, SideloadUpdate } from '../../../../main/services/sideload/sideload-types';
import type { Headset } from '../../../../shared/headsets/headset';
import { sideloadApk, startCartFixture } from '../../../support/sideload-fixture';
import type { CartFixture } from '../../../support/sideload-fixture';

// Headsets that keep their link up but stop answering (asleep, out of Wi-Fi range): no job may hang on
// one, hold a parallel slot for ever, or ignore cancel; and one odd headset never breaks the list.

const MIB = 1024 * 1024;
const SILENT = 8;
let fixture: CartFixture;
let apk: Awaited<ReturnType<typeof sideloadApk>>;
let jobCounter = 0;

beforeAll(async () => {
  fixture = await startCartFixture([
    ...Array.from({ length: SILENT }, () => ({ model: 'Quest 3' as const })),
    { model: 'Quest 3' },
    { model: 'Quest 2', preinstalled: [{ packageName: 'com.example.longversion', versionCode: 1, versionCodeMajor: 0x300000 }] },
  ]);
  apk = await sideloadApk({ sizeBytes: 4 * MIB }, ['quest2', 'quest3']);
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
  await apk?.cleanup();
});

afterEach(async () => {
  for (const h of fixture.cart.headsets) {
    h.setAsleep(false);
    h.faults.throttleBytesPerSecond = null;
  }
});

const headset = (i: number) => fixture.cart.headsets[i]!;

function request(serial: string): SideloadRequest {
  jobCounter += 1;
  return { jobId: `00000000-0000-4000-8000-${String(jobCounter).padStart(12, '0')}`, serial, packageId: 'c0ffee00-0000-4000-8000-000000000003', vrSessionId: null, apk };
}

describe('headsets that stop answering', () => {
  it('fails a push that stalls mid-file as "stopped answering", frees the slot, and a retry succeeds', async () => {
    const h = headset(SILENT);
    const updates: SideloadUpdate[] = [];
    const manager = new SideloadManager({ bridge: fixture.bridge, now: () => new Date(), onUpdate: (u) => updates.push(u), concurrency: 1, timing: { ...DEFAULT_SIDELOAD_TIMING, stallMs: 800 } });
    h.faults.throttleBytesPerSecond = 8 * MIB;
    h.faults.asleepAfterBytes = MIB;
    const stalled = await manager.start(request(h.serial));
    expect(stalled).toMatchObject({ status: 'failed', error_code: 'HEADSET_NOT_ANSWERING' });
    expect(stalled.error_message).toMatch(/stopped answering/);
    expect(manager.activeCount).toBe(0);
    expect(h.state.installedVersion('org.example.safety')).toBeNull();
    h.setAsleep(false);
    expect((await manager.start(request(h.serial))).status).toBe('done');
    expect(h.state.installedVersion('org.example.safety')).toBe(7);
  });

  it('fails a headset that never answers within the command timeout', async () => {
    const h = headset(0);
    h.setAsleep(true);
    const manager = new SideloadManager({ bridge: fixture.bridge, now: () => new Date(), onUpdate: () => undefined, concurrency: 1, timing: { ...DEFAULT_SIDELOAD_TIMING, commandTimeoutMs: 500 } });
    expect(await manager.start(request(h.serial))).toMatchObject({ status: 'failed', error_code: 'HEADSET_NOT_ANSWERING' });
    expect(manager.activeCount).toBe(0);
  });

  it('lets cancel free every slot that silent headsets hold, so the queued headset gets its turn', async () => {
    const silent = fixture.cart.headsets.slice(0, SILENT);
    for (const h of silent) h.setAsleep(true);
    const awake = headset(SILENT);
    await fixture.bridge.shell(awake.serial, 'pm uninstall org.example.safety');
    // Two transfer slots: six jobs at once, so the eight silent headsets fill every job slot.
    const manager = new SideloadManager({ bridge: fixture.bridge, now: () => new Date(), onUpdate: () => undefined, concurrency: 2, timing: { ...DEFAULT_SIDELOAD_TIMING, commandTimeoutMs: 600_000 } });
    const silentJobs = silent.map((h) => request(h.serial));
    const silentRuns = silentJobs.map((r) => manager.start(r));
    await waitFor(() => manager.activeCount === 6);
    const queued = manager.start(request(awake.serial));
    expect(manager.activeCount).toBe(6);
    // The command timeout is far away: only cancel can free these slots in time.
    for (const job of silentJobs) expect(manager.cancel(job.jobId)).toBe(true);
    expect((await Promise.all(silentRuns)).map((u) => u.status)).toEqual(silent.map(() => 'cancelled'));
    expect((await queued).status).toBe('done');
  });

  it('bounds output: an answer over the cap is refused, not parsed in part', async () => {
    await expect(fixture.bridge.shell(headset(SILENT).serial, 'getprop', { maxBytes: 64 })).rejects.toMatchObject({ code: 'HEADSET_OUTPUT_TOO_LARGE' });
  });

  it('keeps the headset list whole when one headset is silent and another reports a versionCode beyond 2^53', async () => {
    headset(0).setAsleep(true);
    let published: Headset[] = [];
    const logged: string[] = [];
    const service = new HeadsetService({ bridge: fixture.bridge, now: () => new Date(), onChange: (list) => (published = list), log: (message) => logged.push(message) });
    await service.start();
    try {
      const odd = headset(SILENT + 1);
      const awake = headset(SILENT);
      // Each headset is described by its own probe: wait for both the odd one and an ordinary one.
      await waitFor(() => [odd, awake].every((x) => published.some((h) => h.serial === x.serial && h.model !== null)));
      expect(published.map((h) => h.serial).sort()).toEqual(fixture.cart.headsets.map((h) => h.serial).sort());
      const long = published.find((h) => h.serial === odd.serial)?.installed.find((p) => p.package_name === 'com.example.longversion');
      expect(long).toEqual({ package_name: 'com.example.longversion', version_code: Number.MAX_SAFE_INTEGER, version_code_exact: String((0x300000n << 32n) | 1n) });
      expect(published.find((h) => h.serial === awake.serial)?.model).toBe('Quest 3');
    } finally {
      service.stop();
    }
  });
});

function waitFor(predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (predicate() ? resolve() : setTimeout(check, 10));
    check();
  });
}
