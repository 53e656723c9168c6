import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isConnectionError } from '../../../../main/services/headsets/headset-errors';
import { SideloadManager } from '../../../../main/services/sideload/sideload-manager';
import type { SideloadRequest, SideloadUpdate } from '../../../../main/services/sideload/sideload-types';
import { sideloadApk, startCartFixture } from '../../../support/sideload-fixture';
import type { CartFixture } from '../../../support/sideload-fixture';

// A busy cart where headsets drop off mid-push again and again: every job must end in its own verdict and
// nothing may escape as an uncaught error (that would end main, with every other headset's job).

const MIB = 1024 * 1024;
// Big enough that a cut lands while the client is still writing (not all in socket buffers already):
// that is when adbkit's socket gets EPIPE, which crashed main before the client had an error handler.
const APK_BYTES = 16 * MIB;
const HEADSETS = 8;
const ROUNDS = 6;

let fixture: CartFixture;
let apk: Awaited<ReturnType<typeof sideloadApk>>;
let jobCounter = 0;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  fixture = await startCartFixture(Array.from({ length: HEADSETS }, (_, i) => ({ model: i % 2 === 0 ? ('Quest 3' as const) : ('Quest 2' as const) })));
  apk = await sideloadApk({ sizeBytes: APK_BYTES }, ['quest2', 'quest3']);
}, 60_000);

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  await fixture?.stop();
  await apk?.cleanup();
});

afterEach(() => {
  for (const h of fixture.cart.headsets) h.faults.throttleBytesPerSecond = null;
});

function request(serial: string): SideloadRequest {
  jobCounter += 1;
  return { jobId: `00000000-0000-4000-8000-${String(jobCounter).padStart(12, '0')}`, serial, packageId: 'c0ffee00-0000-4000-8000-000000000003', vrSessionId: null, apk };
}

async function resetAll(): Promise<void> {
  await Promise.all(
    fixture.cart.headsets.map(async (h) => {
      await fixture.adb.connect(h.serial);
      await fixture.bridge.shell(h.serial, 'pm uninstall org.example.safety; rm -f /data/local/tmp/*.apk');
    }),
  );
}

describe('a cart whose links die mid-push', () => {
  it(
    'gives every job its own verdict, round after round, with nothing uncaught',
    async () => {
      const verdicts: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await resetAll();
        for (const h of fixture.cart.headsets) h.faults.throttleBytesPerSecond = 8 * MIB;
        const updates: SideloadUpdate[] = [];
        // Both ways bytes travel: sync pushes (where the uncaught EPIPE came from) and streamed installs.
        const installMethod = round % 2 === 0 ? ('push' as const) : ('stream' as const);
        const manager = new SideloadManager({ bridge: fixture.bridge, now: () => new Date(), onUpdate: (u) => updates.push(u), concurrency: HEADSETS, installMethod });
        const requests = fixture.cart.headsets.map((h) => request(h.serial));
        const runs = requests.map((r) => manager.start(r));
        // Half the cart (a different half each round) loses its link, each at its own point of its push.
        const victims = fixture.cart.headsets.filter((_, i) => (i + round) % 2 === 0);
        await Promise.all(
          victims.map(async (victim, k) => {
            const job = requests.find((r) => r.serial === victim.serial)!;
            const threshold = ((k % 3) + 1) * 0.2 * apk.size_bytes;
            await waitFor(() => updates.some((u) => u.id === job.jobId && u.status === 'transferring' && u.bytes_sent >= threshold));
            victim.disconnectAll('test: link lost mid-push');
          }),
        );
        const results = await Promise.all(runs);
        for (const [i, result] of results.entries()) {
          const victim = victims.some((v) => v.serial === result.serial);
          verdicts.push(`${victim ? 'victim' : 'other'}:${result.status}`);
          if (victim) {
            expect(result.status, `round ${round} headset ${i}`).toBe('failed');
            expect(['HEADSET_DISCONNECTED', 'TRANSFER_FAILED', 'HEADSET_NOT_ANSWERING']).toContain(result.error_code);
          } else {
            expect(result, `round ${round} headset ${i}`).toMatchObject({ status: 'done', error_code: null });
          }
        }
        expect(manager.activeCount).toBe(0);
      }
      expect(verdicts.filter((v) => v === 'victim:failed')).toHaveLength((ROUNDS * HEADSETS) / 2);
      // What the client reported instead of throwing (EPIPE and the like, when a cut lands mid-write).
      expect(fixture.clientErrors.filter((e) => !isConnectionError(e))).toEqual([]);
      expect(uncaught).toEqual([]);
    },
    180_000,
  );
});

function waitFor(predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (predicate() ? resolve() : setTimeout(check, 5));
    check();
  });
}
