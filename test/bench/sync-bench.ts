import { resolveLocalRefs } from '../../shared/sync/local-ref';
import { classifyResult } from '../../renderer/src/sync/classify-result';
import { sendStatement } from '../../renderer/src/sync/statement-request';
import { SyncEngine } from '../../renderer/src/sync/sync-engine';
import { seededRandom } from '../reference-server/seeded-random';
import { recordActivity, startSyncHarness } from '../support/sync-harness';
import type { SyncHarness } from '../support/sync-harness';
import { exactly, figure } from './figures';
import type { BenchReport } from './figures';
import { drainThroughScheduler } from './sync-bench-scheduler';

export interface SyncBenchOptions {
  readonly operations: number;
  readonly concurrency: number;
}

/** The obvious loop: one request at a time, in recorded order, each answer recorded before the next. */
async function naiveDrain(h: SyncHarness): Promise<void> {
  const remoteIds = new Map<string, string>();
  for (const op of await h.db.outbox.orderBy('seq').toArray()) {
    const resolve = (text: string) => resolveLocalRefs(text, (entity, id) => remoteIds.get(`${entity}:${id}`));
    const request = {
      method: op.method,
      path: resolve(op.path),
      body: JSON.parse(resolve(JSON.stringify(op.body))),
      idempotency_key: op.idempotency_key,
      ...(op.acting_user_id ? { on_behalf_of: op.acting_user_id } : {}),
    };
    // A statement goes as the app sends one: to the reference server's LRS, which the harness configures (batched, as main sends them).
    const result = op.kind === 'xapi.statement' ? await sendStatement(h.remote, request) : await h.remote(request);
    const outcome = classifyResult(op, result);
    if (outcome.kind === 'unsupported') continue;
    if (outcome.kind !== 'done') throw new Error(`naive loop: ${op.kind} ${JSON.stringify(result).slice(0, 200)}`);
    if (outcome.remoteId) remoteIds.set(`${op.kind.split('.')[0]}:${op.entity_id}`, outcome.remoteId);
    await h.db.outbox.update(op.seq ?? 0, { status: 'done' });
  }
}

/**
 * Sessions the remote holds beyond the ones recorded locally, counted through the API itself (a plain
 * GET with the device token: listing is not one of the operations main sends for the app).
 */
async function duplicates(h: SyncHarness): Promise<number> {
  let remote = 0;
  for (const learner of h.learners) {
    const response = await fetch(new URL('/api/vr-sessions', h.serverUrl), { headers: { authorization: `Bearer ${h.deviceToken}`, 'x-outpost-user': learner } });
    if (response.status !== 200) throw new Error(`could not list remote sessions: HTTP ${response.status}`);
    remote += ((await response.json()) as { sessions: unknown[] }).sessions.length;
  }
  return remote - (await h.db.vrSessions.count());
}

/** Every table of one harness's kiosk into another's (same roster and packages, so rows are put over). */
async function copyDatabase(from: SyncHarness, to: SyncHarness): Promise<void> {
  for (const table of from.db.tables) {
    const rows = await table.toArray();
    if (rows.length > 0) await to.db.table(table.name).bulkPut(rows);
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Drains the same recorded workload (VR sessions created and completed, with their xAPI statements) to
 * the reference server in Node over fake-indexeddb with no latency, three times in one run: the naive
 * loop as the baseline, the sync engine, and the app's scheduler. The harness sets up the reference server's LRS,
 * so the statements are delivered too (batched by main's LRS batcher), not held.
 */
export async function syncBench(options: SyncBenchOptions): Promise<BenchReport> {
  const naive = await startSyncHarness({ learners: 60, packages: 10, timeoutMs: 30_000, separateProcess: true });
  const ours = await startSyncHarness({ learners: 60, packages: 10, timeoutMs: 30_000, separateProcess: true });
  const scheduled = await startSyncHarness({ learners: 60, packages: 10, timeoutMs: 30_000, separateProcess: true });
  try {
    // Recorded once through the local API, then copied: the three kiosks start from the same outbox.
    await recordActivity(naive, options.operations, seededRandom(1));
    await copyDatabase(naive, ours);
    await copyDatabase(naive, scheduled);
    const naiveMs = await timed(() => naiveDrain(naive));
    const engine = new SyncEngine({ db: ours.db, remote: ours.remote, now: () => new Date(), random: Math.random, concurrency: options.concurrency });
    const oursMs = await timed(() => engine.drain());
    // Everything must be delivered, statements included (the harness's reference LRS takes them).
    // (One equals() per status: fake-indexeddb makes anyOf's cursor slow.)
    const notDelivered = async (h: SyncHarness) => (await Promise.all((['pending', 'in_flight', 'dead'] as const).map((status) => h.db.outbox.where('status').equals(status).count()))).reduce((a, b) => a + b, 0);
    const left = await notDelivered(ours);
    if (left > 0) throw new Error(`${left} operations were not delivered`);
    const schedulerMs = await drainThroughScheduler(scheduled, options.concurrency);
    const leftScheduled = await notDelivered(scheduled);
    if (leftScheduled > 0) throw new Error(`${leftScheduled} operations were not delivered through the scheduler`);
    const operations = await ours.db.outbox.where('status').equals('done').count();
    const perSecond = (ms: number) => (operations / ms) * 1000;
    const naiveRate = { name: 'naive one-at-a-time loop', value: perSecond(naiveMs) };
    return {
      figures: [
        figure('Node, no latency: engine drain', perSecond(oursMs), 'ops/s', { baseline: naiveRate }),
        figure('Node, no latency: drain through the scheduler', perSecond(schedulerMs), 'ops/s', { baseline: naiveRate }),
        figure('duplicates at the server (engine)', await duplicates(ours), 'sessions', { goal: exactly(0) }),
        figure('duplicates at the server (scheduler)', await duplicates(scheduled), 'sessions', { goal: exactly(0) }),
        figure('duplicates at the server (naive loop)', await duplicates(naive), 'sessions', { goal: exactly(0) }),
      ],
      info: { operations, concurrency: options.concurrency, naive_loop_ms: Math.round(naiveMs), engine_ms: Math.round(oursMs), scheduler_ms: Math.round(schedulerMs) },
    };
  } finally {
    await naive.stop();
    await ours.stop();
    await scheduled.stop();
  }
}
