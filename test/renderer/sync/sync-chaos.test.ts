import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteRequest, RemoteResult } from '../../../shared/sync/remote-contract';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import type { RemotePort } from '../../../renderer/src/sync/sync-engine';
import { seededRandom } from '../../reference-server/seeded-random';
import { recordActivity, startSyncHarness } from '../../support/sync-harness';
import type { SyncHarness } from '../../support/sync-harness';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

class Killed extends Error {}

/**
 * Between the engine and main's client: about 20% of requests meet a server fault (5xx, a reset before
 * or after the write was applied, a hang past the client's timeout), and now and then the "app" dies —
 * before sending, or after the answer arrived but before it was recorded.
 */
function chaoticRemote(harness: SyncHarness, random: () => number, state: { killed: boolean; kills: number }): RemotePort {
  const { faults } = harness.server!;
  return async (request: RemoteRequest): Promise<RemoteResult> => {
    if (state.killed) throw new Killed();
    const roll = random();
    if (roll < 0.05) faults.failNext(1, { status: 503 });
    else if (roll < 0.1) faults.resetBeforeWrite(1);
    else if (roll < 0.15) faults.resetAfterWrite(1);
    else if (roll < 0.2) faults.hangNext(1, { maxHangMs: 1000 });
    const dieBefore = random() < 0.004;
    const dieAfter = !dieBefore && random() < 0.004;
    if (dieBefore) {
      state.killed = true;
      state.kills += 1;
      throw new Killed();
    }
    const result = await harness.remote(request);
    if (dieAfter) {
      state.killed = true;
      state.kills += 1;
      throw new Killed();
    }
    return result;
  };
}

async function syncThroughChaos(harness: SyncHarness, seed: number): Promise<{ restarts: number; kills: number }> {
  const random = seededRandom(seed);
  const state = { killed: false, kills: 0 };
  let restarts = 0;
  for (; restarts < 300; restarts++) {
    state.killed = false;
    // A fresh engine each time: the previous "process" is gone, only the database survives. Backoff is
    // zeroed (random 0) so retries fall due at once; the faults draw from their own seeded stream.
    const engine = new SyncEngine({ db: harness.db, remote: chaoticRemote(harness, random, state), now: () => new Date(), random: () => 0, concurrency: 6 });
    try {
      const result = await engine.drain();
      if (result.waiting === 0) break;
    } catch (error) {
      if (!(error instanceof Killed)) throw error;
    }
    harness.server!.faults.clear();
  }
  return { restarts, kills: state.kills };
}

async function expectExactlyOneEffectEach(harness: SyncHarness): Promise<void> {
  const local = await harness.db.vrSessions.toArray();
  const remote = harness.server!.inspect.vrSessions();
  const ops = await harness.db.outbox.toArray();
  expect(ops.filter((op) => op.status !== 'done')).toEqual([]);
  expect(remote).toHaveLength(local.length);
  const map = await harness.db.idMap.toArray();
  expect(new Set(map.map((m) => m.remote_id)).size).toBe(local.length);
  const remoteById = new Map(remote.map((r) => [r.id, r]));
  for (const session of local) {
    const remoteId = map.find((m) => m.local_id === session.id)?.remote_id;
    const twin = remoteById.get(remoteId ?? '');
    expect(twin, session.id).toMatchObject({ user_id: session.user_id, package_id: session.package_id, status: session.status === 'completed' ? 'completed' : 'downloading' });
    if (session.status === 'completed') expect(twin?.score).toEqual(session.score);
  }
  const completed = local.filter((s) => s.status === 'completed').length;
  expect(harness.server!.inspect.xapiStatements()).toHaveLength(completed);
}

describe('sync through faults and crashes (reference server, real HTTP)', () => {
  it('1,000 mixed operations, 20% faults, the app killed at random: exactly one effect of each', async () => {
    h = await startSyncHarness({ learners: 12, packages: 4, timeoutMs: 400 });
    await recordActivity(h, 1000, seededRandom(7));
    const { kills } = await syncThroughChaos(h, 11);
    expect(kills).toBeGreaterThan(0);
    expect(h.server!.faults.injected.resetAfterWrite).toBeGreaterThan(10);
    await expectExactlyOneEffectEach(h);
  }, 240_000);

  it('holds without idempotency keys too, on the API semantics alone', async () => {
    h = await startSyncHarness({ learners: 6, packages: 3, timeoutMs: 400 });
    h.server!.faults.honourIdempotencyKeys = false;
    await recordActivity(h, 300, seededRandom(3));
    const random = seededRandom(5);
    const state = { killed: false, kills: 0 };
    for (let i = 0; i < 200; i++) {
      state.killed = false;
      h.server!.faults.honourIdempotencyKeys = false;
      const engine = new SyncEngine({ db: h.db, remote: chaoticRemote(h, random, state), now: () => new Date(), random: () => 0, concurrency: 4 });
      const result = await engine.drain().catch((error: unknown) => {
        if (error instanceof Killed) return null;
        throw error;
      });
      h.server!.faults.clear();
      if (result?.waiting === 0) break;
    }
    await expectExactlyOneEffectEach(h);
  }, 240_000);
});
