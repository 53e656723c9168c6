import { SyncEngine } from '../../renderer/src/sync/sync-engine';
import { realTimers, SyncScheduler } from '../../renderer/src/sync/sync-scheduler';
import type { SyncHarness } from '../support/sync-harness';

const ONLINE = { configured: true, reachable: true, signed_in: true, checked_at: null };

/**
 * Drains a recorded backlog through the real scheduler (its outbox counts, its timers, its drain and
 * retry bookkeeping) rather than calling the engine in a loop: the scheduler starts the drain by itself
 * once the API answers, and the time is until nothing is left to send.
 */
export async function drainThroughScheduler(h: SyncHarness, concurrency: number): Promise<number> {
  const engine = new SyncEngine({ db: h.db, remote: h.remote, now: () => new Date(), random: Math.random, concurrency });
  const scheduler = new SyncScheduler({
    db: h.db,
    engine,
    checkRemote: async () => ONLINE,
    onRemoteStatus: () => () => undefined,
    pullCatalog: async () => ({ ok: true, counts: { learners: 0, packages: 0, activities: 0, lessons: 0 }, skipped: 0, proposedRemovals: 0 }),
    now: () => new Date(),
    timers: realTimers,
    lastSuccess: { get: () => null, set: () => undefined },
  });
  const start = process.hrtime.bigint();
  const done = new Promise<void>((resolve) => {
    let seenWork = false;
    scheduler.subscribe((snapshot) => {
      if (snapshot.state === 'draining') seenWork = true;
      if (seenWork && snapshot.state === 'idle' && snapshot.pending === 0) resolve();
    });
  });
  scheduler.start();
  await done;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  scheduler.stop();
  await scheduler.settled();
  return ms;
}
