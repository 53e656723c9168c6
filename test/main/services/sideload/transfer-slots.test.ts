import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstallMethod } from '../../../../main/services/sideload/run-sideload';
import { SideloadManager } from '../../../../main/services/sideload/sideload-manager';
import type { SideloadRequest, SideloadUpdate } from '../../../../main/services/sideload/sideload-types';
import { sideloadApk, startCartFixture } from '../../../support/sideload-fixture';
import type { CartFixture } from '../../../support/sideload-fixture';

// A transfer slot bounds bytes on the shared link, not the headset's own install time: while one
// headset's package manager works, the next headset's bytes already move.

const MIB = 1024 * 1024;
let fixture: CartFixture;
let apk: Awaited<ReturnType<typeof sideloadApk>>;
let jobCounter = 0;

beforeAll(async () => {
  fixture = await startCartFixture([{ model: 'Quest 3' }, { model: 'Quest 3' }]);
  apk = await sideloadApk({ sizeBytes: MIB }, ['quest3']);
  for (const h of fixture.cart.headsets) h.faults.installTiming = { fixedMs: 1500, bytesPerSecond: 40_000_000 };
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
  await apk?.cleanup();
});

function request(serial: string): SideloadRequest {
  jobCounter += 1;
  return { jobId: `00000000-0000-4000-8000-${String(jobCounter).padStart(12, '0')}`, serial, packageId: 'c0ffee00-0000-4000-8000-000000000003', vrSessionId: null, apk };
}

describe('transfer slots', () => {
  it.each<InstallMethod>(['push', 'stream'])('%s: the second headset transfers while the first one installs', async (method) => {
    await Promise.all(fixture.cart.headsets.map((h) => fixture.bridge.shell(h.serial, 'pm uninstall org.example.safety; rm -f /data/local/tmp/*.apk')));
    const events: SideloadUpdate[] = [];
    const manager = new SideloadManager({ bridge: fixture.bridge, now: () => new Date(), onUpdate: (u) => events.push(u), concurrency: 1, installMethod: method });
    const [a, b] = fixture.cart.headsets.map((h) => request(h.serial)) as [SideloadRequest, SideloadRequest];
    const results = await Promise.all([manager.start(a), manager.start(b)]);
    expect(results.map((r) => r.status)).toEqual(['done', 'done']);
    const firstDone = events.findIndex((u) => u.status === 'done');
    const otherTransfer = events.findIndex((u) => u.id !== events[firstDone]!.id && u.status === 'transferring' && u.bytes_sent === apk.size_bytes);
    expect(otherTransfer).toBeGreaterThanOrEqual(0);
    expect(otherTransfer).toBeLessThan(firstDone);
  });
});
