import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SideloadManager } from '../../../../main/services/sideload/sideload-manager';
import { DEFAULT_SIDELOAD_TIMING } from '../../../../main/services/sideload/sideload-timing';
import type { SideloadRequest, SideloadUpdate } from '../../../../main/services/sideload/sideload-types';
import { sideloadApk, startCartFixture } from '../../../support/sideload-fixture';
import type { CartFixture } from '../../../support/sideload-fixture';

// Streamed install: the APK goes straight into pm's session (no copy in /data/local/tmp).

const MIB = 1024 * 1024;
let fixture: CartFixture;
let apk: Awaited<ReturnType<typeof sideloadApk>>;
let jobCounter = 0;
const updates: SideloadUpdate[] = [];
let manager: SideloadManager;

beforeAll(async () => {
  fixture = await startCartFixture([{ model: 'Quest 3' }]);
  apk = await sideloadApk({ sizeBytes: 4 * MIB }, ['quest3']);
  manager = new SideloadManager({ bridge: fixture.bridge, now: () => new Date(), onUpdate: (u) => updates.push(u), concurrency: 2, installMethod: 'stream', timing: { ...DEFAULT_SIDELOAD_TIMING, stallMs: 800 } });
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
  await apk?.cleanup();
});

const quest = () => fixture.cart.headsets[0]!;

function request(): SideloadRequest {
  jobCounter += 1;
  return { jobId: `00000000-0000-4000-8000-${String(jobCounter).padStart(12, '0')}`, serial: quest().serial, packageId: 'c0ffee00-0000-4000-8000-000000000003', vrSessionId: null, apk };
}

async function reset(): Promise<void> {
  await fixture.bridge.shell(quest().serial, 'pm uninstall org.example.safety');
}

describe('streamed install', () => {
  it('installs through a package-installer session with byte progress and no pushed copy', async () => {
    await reset();
    const sendsBefore = quest().trace.filter((t) => t.detail?.startsWith('SEND')).length;
    const job = request();
    const result = await manager.start(job);
    expect(result).toMatchObject({ status: 'done', bytes_sent: apk.size_bytes });
    expect(quest().state.installedVersion('org.example.safety')).toBe(7);
    expect(quest().trace.some((t) => t.kind === 'open' && t.detail.startsWith(`exec:cmd package install -S ${apk.size_bytes}`))).toBe(true);
    expect(quest().trace.filter((t) => t.detail?.startsWith('SEND')).length).toBe(sendsBefore);
    const mine = updates.filter((u) => u.id === job.jobId);
    expect(mine.map((u) => u.status)).toEqual(expect.arrayContaining(['transferring', 'installing', 'verifying', 'done']));
    expect(mine.filter((u) => u.status === 'transferring').length).toBeGreaterThan(1);
  });

  it('reports pm refusals by code', async () => {
    await reset();
    quest().faults.forcedInstallFailure = 'INSTALL_FAILED_INVALID_APK';
    try {
      expect(await manager.start(request())).toMatchObject({ status: 'failed', error_code: 'INSTALL_FAILED_INVALID_APK' });
    } finally {
      quest().faults.forcedInstallFailure = null;
    }
  });

  it('fails a stalled stream as "stopped answering" and a retry succeeds', async () => {
    await reset();
    quest().faults.throttleBytesPerSecond = 8 * MIB;
    quest().faults.asleepAfterBytes = MIB;
    try {
      expect(await manager.start(request())).toMatchObject({ status: 'failed', error_code: 'HEADSET_NOT_ANSWERING' });
      expect(manager.activeCount).toBe(0);
    } finally {
      quest().setAsleep(false);
      quest().faults.throttleBytesPerSecond = null;
    }
    expect((await manager.start(request())).status).toBe('done');
  });

  it('says there is not enough storage when it fills mid-stream', async () => {
    await reset();
    quest().faults.throttleBytesPerSecond = 4 * MIB;
    const free = quest().state.storage.freeBytes;
    try {
      const job = request();
      const running = manager.start(job);
      await new Promise<void>((resolve) => {
        const check = () => (updates.some((u) => u.id === job.jobId && u.bytes_sent > 0) ? resolve() : setTimeout(check, 10));
        check();
      });
      quest().state.storage.freeBytes = 64 * 1024;
      expect(await running).toMatchObject({ status: 'failed', error_code: 'INSTALL_FAILED_INSUFFICIENT_STORAGE' });
      expect(quest().state.installedVersion('org.example.safety')).toBeNull();
    } finally {
      quest().faults.throttleBytesPerSecond = null;
      quest().state.storage.freeBytes = free;
    }
  });

  it('cancels mid-stream', async () => {
    await reset();
    quest().faults.throttleBytesPerSecond = 2 * MIB;
    try {
      const job = request();
      const running = manager.start(job);
      await new Promise<void>((resolve) => {
        const check = () => (updates.some((u) => u.id === job.jobId && u.bytes_sent > 0) ? resolve() : setTimeout(check, 10));
        check();
      });
      manager.cancel(job.jobId);
      expect((await running).status).toBe('cancelled');
      expect(quest().state.installedVersion('org.example.safety')).toBeNull();
    } finally {
      quest().faults.throttleBytesPerSecond = null;
    }
  });
});
