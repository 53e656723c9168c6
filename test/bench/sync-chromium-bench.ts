import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession } from 'playwright-core';
import { IpcFailure } from '../../shared/ipc/result';
import type { RemoteRequest } from '../../shared/sync/remote-contract';
import { createRemoteClient } from '../../main/services/remote/remote-client';
import { FileSecretStore } from '../../main/services/remote/secret-store';
import { createLrsBatcher } from '../../main/services/lrs/lrs-batcher';
import { createLrsClient } from '../../main/services/lrs/lrs-client';
import { defaultCatalogSeed, SEED_LESSON, SEED_TENANT } from '../reference-server/catalog-seed';
import type { CatalogSeed } from '../reference-server/catalog-seed';
import { atLeast, atMost, exactly, figure } from './figures';
import type { BenchReport, Figure } from './figures';
import { startLatencyShim } from './latency-shim';
import { openBenchPage } from './run-in-chromium';

export interface SyncChromiumBenchOptions {
  /** Operations recorded in the outbox before the drain (a week offline for a class of 30: 10,000). */
  readonly operations: number;
  /** Round trips the latency shim adds, one drain each. */
  readonly rttMs: readonly number[];
  /**
   * Operations the naive loop sends at each round trip: it sends one at a time, so its time is linear in
   * the count (one round trip plus local work each) and a sample gives its rate; 10,000 at 300 ms would
   * take 50 minutes.
   */
  readonly naiveSample: number;
}

const LEARNERS = 30;
const VR_PACKAGES = 8;
const COURSES = 3;
const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const learners = Array.from({ length: LEARNERS }, (_, i) => uuid('1ea40000', i + 1));
const packages = Array.from({ length: VR_PACKAGES }, (_, i) => uuid('9ac00000', i + 1));
const courses = Array.from({ length: COURSES }, (_, i) => `pkg-bench-course-${i}`);
/** The kiosk's outbox is a "goal" of 6x the naive loop at 100 ms (issue 18). */
const GOAL_SPEEDUP_AT_100 = 6;
/**
 * "Bounded memory": what the page keeps alive while draining grows by at most this much, whatever the
 * backlog (the drain holds a window of the outbox, not all of it).
 */
const GOAL_HEAP_GROWTH_MIB = 32;

/**
 * Runs in Chromium: the app's own data layer, local API, sync engine and scheduler over native IndexedDB.
 * The remote port is the app's IPC port (createIpcRemotePort) over a stand-in for IPC that calls main's
 * real HTTP client in Node (window.benchRemote), which goes through the latency shim to the reference
 * server; the scheduler is started by startSync, as main.tsx does.
 */
const PAGE_SCRIPT = `
import { Dexie } from 'dexie';
import { OutpostDb } from './renderer/src/db/outpost-db';
import { createLocalApi } from './renderer/src/local-server/local-api';
import { signIn } from './renderer/src/auth/kiosk-auth';
import { launchScormSession } from './renderer/src/data/scorm-session-launch';
import { commitScormRuntime } from './renderer/src/data/scorm-session-commit';
import { startSync } from './renderer/src/sync/start-sync';
import { createIpcRemotePort } from './renderer/src/sync/ipc-remote-port';
import { classifyResult } from './renderer/src/sync/classify-result';
import { sendStatement } from './renderer/src/sync/statement-request';
import { resolveLocalRefs } from './shared/sync/local-ref';

const ONLINE = { configured: true, reachable: true, signed_in: true, checked_at: null };
// What main's IPC would do with these channels: the remote's status, and the request through main's client.
const ipc = {
  async invoke(channel, payload) {
    if (channel === 'remote:status') return { ok: true, value: { ...ONLINE, checked_at: new Date().toISOString() } };
    if (channel === 'remote:request') return window.benchRemote(payload);
    return { ok: false, error: { code: 'NOT_IN_BENCH', message: channel } };
  },
  on() { return () => {}; },
};

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

window.record = async ({ operations, learners, packages, courses, tenant, lesson }) => {
  await Dexie.delete('sync-source');
  const db = new OutpostDb('sync-source');
  const at = new Date().toISOString();
  await db.learners.bulkAdd(learners.map((id, i) => ({ id, tenant_id: tenant, display_name: 'Learner ' + (i + 1), role: 'learner', pin: null, updated_at: at })));
  await db.vrPackages.bulkAdd(packages.map((id, i) => ({ id, title: 'VR ' + (i + 1), version: '1.0.0', target_platforms: ['quest3'] })));
  await db.scormCourses.bulkAdd(courses.map((id, i) => ({ id, manifest_identifier: 'm-' + id, title: 'Course ' + i, version: '1.2', default_organization: 'org', organizations: [{ identifier: 'org', title: 'Org', items: [{ identifier: 'only', title: 'only', launch: 'only.html', scorm_type: 'sco', visible: true, children: [] }] }], sco_count: 1, file_count: 2, size_bytes: 1000, zip_bytes: 500, tenant_id: null, imported_at: at })));
  await db.lessons.add({ id: lesson, title: { en: 'Lesson' }, sessions: [{ title: { en: 'Warmup' } }, { title: { en: 'Workout' } }] });
  const ports = { db, now: () => new Date(), newId: () => crypto.randomUUID() };
  const api = createLocalApi({ db, now: ports.now, newId: ports.newId, xapi: { accountHomePage: 'https://school.example', activityIriBase: 'https://school.example/xapi' } });
  const tokens = new Map();
  for (const id of learners) tokens.set(id, (await signIn(db, id, null, { now: ports.now })).token);
  const call = async (user, method, path, body) => {
    const response = await api(new Request('http://outpost.local' + path, { method, headers: { authorization: 'Bearer ' + tokens.get(user), 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
    const json = await response.json();
    if (response.status >= 300) throw new Error(method + ' ' + path + ': ' + response.status + ' ' + JSON.stringify(json));
    return json;
  };
  const random = rng(7);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const started = performance.now();
  // A week of a class of 30: VR sessions (most completed, each completion with its statement), SCORM
  // sittings (a launch and a few commits) and lesson plays (created, then their results).
  while ((await db.outbox.count()) < operations) {
    const user = pick(learners);
    const learner = { id: user, tenant_id: tenant };
    const r = random();
    if (r < 0.55) {
      const { session } = await call(user, 'POST', '/api/vr-sessions', { package_id: pick(packages), completion_mode: 'score_entry' });
      if (random() < 0.85) await call(user, 'POST', '/api/vr-sessions/' + session.id + '/complete', { score: Math.round(random() * 100), time_spent_minutes: 1 + Math.round(random() * 40) });
    } else if (r < 0.8) {
      const sessionId = crypto.randomUUID();
      const launched = await launchScormSession(ports, learner, pick(courses), sessionId);
      if (!launched.ok) throw new Error('launch: ' + launched.error);
      const commits = 1 + Math.floor(random() * 3);
      for (let seq = 1; seq <= commits; seq++) {
        const done = seq === commits && random() < 0.7;
        const committed = await commitScormRuntime(ports, learner, sessionId, { sittingId: 'sitting-1', seq, itemId: 'only', cmi: { 'cmi.core.lesson_status': done ? 'passed' : 'incomplete', 'cmi.core.lesson_location': String(seq), ...(done ? { 'cmi.core.score.raw': String(50 + Math.round(random() * 50)) } : {}) }, sessionSeconds: 60 * seq });
        if (!committed.ok) throw new Error('commit: ' + committed.error);
      }
    } else {
      const play = await call(user, 'POST', '/api/lesson-plays', { lessonId: lesson, locale: 'en' });
      await call(user, 'PUT', '/api/lesson-plays/' + play.lessonPlayId + '/results', {
        sessions: [{ index: 0, grade: pick(['A', 'B', 'C']), engagementLevel: 0.8, poseSimilarity: 0.7, repCount: 10, targetRepCount: 12 }, { index: 1, skipped: true }],
        activityTime: 600, completedAt: new Date().toISOString(),
      });
    }
  }
  const kinds = {};
  await db.outbox.each((op) => { kinds[op.kind] = (kinds[op.kind] ?? 0) + 1; });
  const result = { ms: Math.round(performance.now() - started), operations: await db.outbox.count(), kinds, vr_sessions: await db.vrSessions.count(), scorm_sessions: await db.scormSessions.count(), lesson_plays: await db.lessonPlays.count() };
  db.close();
  return result;
};

/** A fresh database holding exactly what the recording left, for one drain. */
window.copyFrom = async (source, name) => {
  await Dexie.delete(name);
  const from = new OutpostDb(source);
  const to = new OutpostDb(name);
  await from.open();
  for (const table of from.tables) {
    // Summary tables are written by the app's summary middleware as their records are added here (a copy
    // of them would collide with what it wrote).
    if (table.name.endsWith('Summaries')) continue;
    const rows = await table.toArray();
    if (rows.length) await to.table(table.name).bulkAdd(rows);
  }
  from.close();
  to.close();
};

/** The app's sync started as main.tsx starts it; resolves when the backlog is delivered (or stuck). */
window.drainScheduler = async (name) => {
  const db = new OutpostDb(name);
  await db.open();
  const total = await db.outbox.where('status').equals('pending').count();
  const storage = new Map();
  const started = performance.now();
  const { scheduler } = startSync({ ipc, db, storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v) }, now: () => new Date(), random: Math.random });
  const samples = [];
  await new Promise((resolve, reject) => {
    let seenWork = false;
    let last = 0;
    const unsubscribe = scheduler.subscribe((s) => {
      if (s.state === 'draining') seenWork = true;
      const t = performance.now();
      if (t - last > 1000) { last = t; samples.push([Math.round(t - started), s.progress ? s.progress.delivered : null]); }
      if (seenWork && s.state !== 'draining' && (s.pending === 0 || s.state !== 'idle')) { unsubscribe(); resolve(); }
      if (s.lastError && s.lastError !== 'sign_in_required') { unsubscribe(); reject(new Error('sync: ' + s.lastError)); }
    });
  });
  const ms = performance.now() - started;
  scheduler.stop();
  await scheduler.settled();
  const left = await db.outbox.where('status').anyOf('pending', 'in_flight').count();
  const dead = await db.outbox.where('status').equals('dead').count();
  const done = await db.outbox.where('status').equals('done').count();
  const local = { vr_sessions: await db.vrSessions.count(), vr_sessions_completed: await db.vrSessions.where('status').equals('completed').count(), scorm_sessions: await db.scormSessions.count(), lesson_plays: await db.lessonPlays.count() };
  const statements = await db.outbox.where('status').equals('done').filter((op) => op.kind === 'xapi.statement').count();
  db.close();
  return { ms, total, left, dead, done, local, statements, state: scheduler.snapshot.state, samples };
};

/** The obvious loop: the first \`limit\` operations in recorded order, one request at a time, each answer recorded before the next. */
window.drainNaive = async (name, limit) => {
  const db = new OutpostDb(name);
  await db.open();
  const remote = createIpcRemotePort(ipc);
  const remoteIds = new Map();
  const ops = await db.outbox.orderBy('seq').limit(limit).toArray();
  const started = performance.now();
  for (const op of ops) {
    const resolve = (text) => resolveLocalRefs(text, (entity, id) => remoteIds.get(entity + ':' + id));
    const request = { method: op.method, path: resolve(op.path), body: JSON.parse(resolve(JSON.stringify(op.body))), idempotency_key: op.idempotency_key, ...(op.acting_user_id ? { on_behalf_of: op.acting_user_id } : {}) };
    // A statement goes as the app sends one (to the LRS), one request each.
    const result = op.kind === 'xapi.statement' ? await sendStatement(remote, request) : await remote(request);
    const outcome = classifyResult(op, result);
    if (outcome.kind !== 'done') throw new Error('naive loop: ' + op.kind + ' ' + JSON.stringify(result).slice(0, 300));
    if (outcome.remoteId) remoteIds.set(op.kind.split('.')[0] + ':' + op.entity_id, outcome.remoteId);
    await db.outbox.update(op.seq, { status: 'done' });
  }
  const ms = performance.now() - started;
  db.close();
  return { ms, sent: ops.length };
};
`;

interface ReferenceChild {
  readonly url: string;
  readonly deviceToken: string;
  counts(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

const CHILD = resolve(dirname(fileURLToPath(import.meta.url)), 'reference-child.ts');

async function startReferenceChild(dir: string, seed: CatalogSeed): Promise<ReferenceChild> {
  const seedFile = join(dir, 'seed.json');
  await writeFile(seedFile, JSON.stringify(seed));
  const child: ChildProcess = fork(CHILD, [join(dir, 'data'), seedFile], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ url: string; device_token: string }>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`reference server exited with ${code}`)));
    child.on('message', (m: { ready?: { url: string; device_token: string } }) => m.ready && done(m.ready));
  });
  let next = 0;
  return {
    url: ready.url,
    deviceToken: ready.device_token,
    counts: () =>
      new Promise((done) => {
        const id = ++next;
        const listener = (m: { id?: number; counts?: Record<string, number> }) => {
          if (m.id !== id || !m.counts) return;
          child.off('message', listener);
          done(m.counts);
        };
        child.on('message', listener);
        child.send({ id });
      }),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The page's JS heap (CDP) while `work` runs: the peak of what stays alive (a forced GC, then the used
 * size, every two seconds) and the peak used size including garbage not collected yet (every 250 ms),
 * both against the retained size before.
 */
async function heapDuring<T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ value: T; beforeMiB: number; retainedPeakMiB: number; usedPeakMiB: number }> {
  const used = async () => ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / (1024 * 1024);
  const retained = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return used();
  };
  const beforeMiB = await retained();
  let retainedPeakMiB = beforeMiB;
  let usedPeakMiB = beforeMiB;
  let sampling = true;
  const sampler = (async () => {
    for (let tick = 1; sampling; tick++) {
      await new Promise((r) => setTimeout(r, 250));
      usedPeakMiB = Math.max(usedPeakMiB, await used());
      if (tick % 8 === 0) retainedPeakMiB = Math.max(retainedPeakMiB, await retained());
    }
  })();
  try {
    return { value: await work(), beforeMiB, retainedPeakMiB, usedPeakMiB };
  } finally {
    sampling = false;
    await sampler;
  }
}

/**
 * Drains a recorded week of a class (VR sessions created and completed with their statements, SCORM
 * sittings, lesson plays) from Chromium's native IndexedDB to the reference server behind a latency shim,
 * through the app's own scheduler and engine, at each round trip; the baseline is the one-at-a-time loop
 * over the same port in the same run. Duplicates are counted at the server.
 */
export async function syncChromiumBench(options: SyncChromiumBenchOptions): Promise<BenchReport> {
  const dir = await mkdtemp(join(tmpdir(), 'sync-chromium-bench-'));
  const seed: CatalogSeed = {
    ...defaultCatalogSeed(),
    learners: learners.map((id, i) => ({ id, display_name: `Learner ${i + 1}`, role: 'learner' as const })),
    vr_packages: packages.map((id, i) => ({ id, title: `VR ${i + 1}`, version: '1.0.0', target_platforms: ['quest3' as const] })),
    scorm_package_ids: courses,
  };
  const bench = await openBenchPage(PAGE_SCRIPT, 'sync-chromium-bench', 'drainScheduler');
  const { page } = bench;
  // Where the page's IPC stand-in sends remote:request: main's client for the current run's server.
  let client: ((request: RemoteRequest) => Promise<unknown>) | null = null;
  await page.exposeFunction('benchRemote', async (request: RemoteRequest) => {
    try {
      if (!client) throw new Error('no remote in this phase');
      return { ok: true, value: await client(request) };
    } catch (error) {
      if (error instanceof IpcFailure) return { ok: false, error: { code: error.code, message: error.message } };
      return { ok: false, error: { code: 'INTERNAL', message: String(error) } };
    }
  });
  const cdp = await page.context().newCDPSession(page);
  const figures: Figure[] = [];
  const info: Record<string, number | string> = {};
  let run = 0;
  /** One fresh server behind a fresh shim for `work`, with main's remote client pointed at it. */
  const withRemote = async <T>(rttMs: number, work: (server: ReferenceChild) => Promise<T>): Promise<T> => {
    run += 1;
    const runDir = join(dir, `run-${run}`);
    await mkdir(runDir, { recursive: true });
    const server = await startReferenceChild(runDir, seed);
    const shim = await startLatencyShim(server.url, rttMs);
    const secrets = new FileSecretStore(join(runDir, 'token.json'));
    await secrets.set({ origin: new URL(shim.url).origin, token: server.deviceToken });
    // As main-services wires it: the school's LRS (here the reference server's, behind the same shim)
    // takes the statements, gathered into batches.
    const lrsConfig = { endpoint: `${shim.url}/xapi`, auth: { kind: 'token' as const, token: server.deviceToken } };
    const lrs = createLrsBatcher(createLrsClient({ config: async () => lrsConfig, timeoutMs: 30_000 }));
    client = createRemoteClient({ baseUrl: async () => shim.url, secrets, timeoutMs: 30_000, lrs });
    try {
      return await work(server);
    } finally {
      client = null;
      await shim.stop();
      await server.stop();
    }
  };
  try {
    const recorded = await page.evaluate(
      (o) => (window as unknown as { record: (o: unknown) => Promise<{ ms: number; operations: number; kinds: Record<string, number>; vr_sessions: number; scorm_sessions: number; lesson_plays: number }> }).record(o),
      { operations: options.operations, learners, packages, courses, tenant: SEED_TENANT, lesson: SEED_LESSON },
    );
    info.operations = recorded.operations;
    info.recorded_in_ms = recorded.ms;
    for (const [kind, n] of Object.entries(recorded.kinds)) info[`ops ${kind}`] = n;
    info.app_concurrency = 'as startSync sets it';
    type Evaluate = <T>(fn: string, ...args: unknown[]) => Promise<T>;
    const call: Evaluate = (fn, ...args) => page.evaluate(([f, a]) => (window as unknown as Record<string, (...x: unknown[]) => Promise<never>>)[f as string]!(...(a as unknown[])), [fn, args] as const);
    for (const rttMs of options.rttMs) {
      // Baseline: the naive loop over a sample of the same backlog, in recorded order.
      const naive = await withRemote(rttMs, async () => {
        await call('copyFrom', 'sync-source', 'sync-naive');
        return call<{ ms: number; sent: number }>('drainNaive', 'sync-naive', options.naiveSample);
      });
      const naiveRate = (naive.sent / naive.ms) * 1000;
      const ours = await withRemote(rttMs, async (server) => {
        await call('copyFrom', 'sync-source', 'sync-ours');
        const drained = await heapDuring(cdp, () => call<{ ms: number; total: number; left: number; dead: number; done: number; local: Record<string, number>; statements: number; state: string; samples: unknown }>('drainScheduler', 'sync-ours'));
        return { ...drained, remote: await server.counts() };
      });
      const d = ours.value;
      if (d.left > 0 || d.dead > 0) throw new Error(`at ${rttMs} ms: ${d.left} operations left and ${d.dead} dead after the drain (state ${d.state})`);
      const rate = (d.total / d.ms) * 1000;
      const duplicates = (ours.remote.vr_sessions ?? 0) - (d.local.vr_sessions ?? 0) + ((ours.remote.lesson_plays ?? 0) - (d.local.lesson_plays ?? 0)) + ((ours.remote.scorm_sessions ?? 0) - (d.local.scorm_sessions ?? 0)) + ((ours.remote.xapi_statements ?? 0) - d.statements);
      figures.push(figure(`Chromium, ${rttMs} ms RTT: scheduler drain of ${d.total}`, rate, 'ops/s', { baseline: { name: `naive loop (${naive.sent} ops)`, value: naiveRate }, ...(rttMs === 100 ? { goal: atLeast(GOAL_SPEEDUP_AT_100, 'ratio') } : {}) }));
      figures.push(figure(`Chromium, ${rttMs} ms RTT: duplicates at the server`, duplicates, 'records', { goal: exactly(0) }));
      figures.push(figure(`Chromium, ${rttMs} ms RTT: peak retained JS heap growth`, ours.retainedPeakMiB - ours.beforeMiB, 'MiB', { baseline: { name: 'retained JS heap before the drain', value: ours.beforeMiB }, goal: atMost(GOAL_HEAP_GROWTH_MIB) }));
      info[`${rttMs}ms peak used JS heap growth (garbage included), MiB`] = Number((ours.usedPeakMiB - ours.beforeMiB).toFixed(1));
      info[`${rttMs}ms drain_ms`] = Math.round(d.ms);
      info[`${rttMs}ms heap_before_MiB`] = Number(ours.beforeMiB.toFixed(1));
      info[`${rttMs}ms remote`] = JSON.stringify(ours.remote);
      info[`${rttMs}ms local`] = JSON.stringify(d.local);
    }
  } finally {
    await bench.close();
    await rm(dir, { recursive: true, force: true });
  }
  return { figures, info };
}
