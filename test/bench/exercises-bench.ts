import { figure } from './figures';
import type { BenchReport } from './figures';
import { runInChromium } from './run-in-chromium';

export interface ExercisesBenchOptions {
  /** Attempt logs in the database before measuring. */
  readonly attempts: number;
  /** Timed PUTs (each with 50 interactions) and timed diffs. */
  readonly samples: number;
}


/**
 * Runs in Chromium over the real IndexedDB: the kiosk's local API and data layer. Fills `attempts`
 * attempt logs (200 learners, 10 exercises, tries of 500 attempts; the measured learner's exercise holds
 * two tries of 5,000), then times PUT /api/logger/contentsession/:id with 50 interactions and GET
 * masterylog/0/diff, p50 and p95. Baselines in the same run: writing the same 50 rows with one bulkPut,
 * and reading the two tries' attempts by a full table scan.
 */
const PAGE_SCRIPT = `
import { Dexie } from 'dexie';
import { OutpostDb } from './renderer/src/db/outpost-db';
import { createLocalApi } from './renderer/src/local-server/local-api';
import { signIn } from './renderer/src/auth/kiosk-auth';

const uuid = (prefix, n) => prefix + '-0000-4000-8000-' + String(n).padStart(12, '0');
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return Number(s[Math.min(s.length - 1, Math.floor(s.length * p))].toFixed(2)); };
const MODEL = { type: 'm_of_n', m: 3, n: 5 };

function attemptRow(id, user, content, log, level, ordinal, at) {
  return { id, item: 'q' + (ordinal % 40), start_timestamp: at, end_timestamp: at, completion_timestamp: at, time_spent: 5, complete: true, correct: ordinal % 3 ? 1 : 0, hinted: false, answer: { v: ordinal }, simple_answer: '', interaction_history: [{ type: 'answer', answer: { v: ordinal }, correct: 1 }], error: false, user, masterylog: log, sessionlog: 'bench-session', content_id: content, mastery_level: level, ordinal };
}
function tryRow(id, user, content, summary, level, count, at) {
  return { id, user, content_id: content, summarylog: summary, mastery_level: level, mastery_criterion: MODEL, start_timestamp: at, end_timestamp: at, completion_timestamp: null, complete: false, correct: 0, correct_sum: 0, time_spent: 0, attempt_count: count };
}

window.runBench = async ({ attempts, samples }) => {
  await Dexie.delete('bench-ex');
  const db = new OutpostDb('bench-ex');
  const learners = Array.from({ length: 200 }, (_, i) => uuid('1ea40000', i + 1));
  await db.learners.bulkAdd(learners.map((id, i) => ({ id, tenant_id: 't', display_name: 'L' + i, role: 'learner', pin: null, updated_at: new Date().toISOString() })));
  const me = learners[0];
  const base = Date.UTC(2026, 0, 1);
  const fillStarted = performance.now();
  // The measured learner's exercise: two tries of 5,000 attempts.
  const big = Math.min(5000, Math.floor(attempts / 4));
  let made = 0;
  for (const [level, log] of [[1, 'try-me-1'], [2, 'try-me-2']]) {
    await db.masteryLogs.add(tryRow(log, me, 'ex-me', 'sum-me', level, big, new Date(base + level * 1000).toISOString()));
    const rows = [];
    for (let i = 0; i < big; i++) rows.push(attemptRow(log + '-' + i, me, 'ex-me', log, level, i, new Date(base + level * 1000).toISOString()));
    await db.attemptLogs.bulkAdd(rows);
    made += big;
  }
  await db.contentSummaryLogs.add({ id: 'sum-me', user: me, content_id: 'ex-me', channel_id: 'ch', kind: 'exercise', start_timestamp: new Date(base).toISOString(), end_timestamp: new Date(base).toISOString(), completion_timestamp: null, time_spent: 0, progress: 0, extra_fields: {} });
  let t = 0;
  while (made < attempts) {
    const user = learners[1 + (t % 199)];
    const log = 'try-' + t;
    const n = Math.min(500, attempts - made);
    await db.masteryLogs.add(tryRow(log, user, 'ex-' + (t % 10), 'sum-' + t, 1, n, new Date(base).toISOString()));
    const rows = [];
    for (let i = 0; i < n; i++) rows.push(attemptRow(log + '-' + i, user, 'ex-' + (t % 10), log, 1, i, new Date(base).toISOString()));
    await db.attemptLogs.bulkAdd(rows);
    made += n;
    t++;
  }
  const fillMs = performance.now() - fillStarted;

  const api = createLocalApi({ db, now: () => new Date(), newId: () => crypto.randomUUID(), xapi: { accountHomePage: 'https://x.invalid', activityIriBase: 'https://x.invalid/xapi' } });
  const token = (await signIn(db, me, null, { now: () => new Date() })).token;
  const call = async (method, path, body) => {
    const t0 = performance.now();
    const response = await api(new Request('http://outpost.local' + path, { method, headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) }));
    const json = await response.json();
    if (response.status !== 200) throw new Error(path + ': ' + response.status + ' ' + JSON.stringify(json));
    return { ms: performance.now() - t0, json };
  };
  const session = (await call('POST', '/api/logger/contentsession', { node_id: 'ex-new', content_id: 'ex-new', channel_id: 'ch', kind: 'exercise', mastery_model: MODEL })).json;
  const put = [];
  const bulk = [];
  for (let s = 0; s < samples; s++) {
    const interactions = Array.from({ length: 50 }, (_, i) => ({ item: 'q' + i, correct: i % 2, time_spent: 3, complete: true, answer: { v: i } }));
    put.push((await call('PUT', '/api/logger/contentsession/' + session.session_id, { interactions, time_spent_delta: 10 })).ms);
    const rows = interactions.map((x, i) => attemptRow('bulk-' + s + '-' + i, me, 'ex-bulk', 'bulk', 1, i, new Date().toISOString()));
    const t0 = performance.now();
    await db.transaction('rw', db.attemptLogs, () => db.attemptLogs.bulkPut(rows));
    bulk.push(performance.now() - t0);
  }
  const diff = [];
  const scan = [];
  for (let s = 0; s < samples; s++) {
    const d = await call('GET', '/api/logger/masterylog/0/diff?content=ex-me&user=' + me);
    if (d.json.attemptlogs.length !== big) throw new Error('diff saw ' + d.json.attemptlogs.length);
    diff.push(d.ms);
    const t0 = performance.now();
    const all = await db.attemptLogs.filter((a) => a.masterylog === 'try-me-2' || a.masterylog === 'try-me-1').toArray();
    if (all.length !== 2 * big) throw new Error('scan saw ' + all.length);
    scan.push(performance.now() - t0);
  }
  db.close();
  return {
    attempt_logs: made + samples * 100, fill_ms: Math.round(fillMs), try_size: big,
    put_50_p50_ms: pct(put, 0.5), put_50_p95_ms: pct(put, 0.95), bulkput_50_p50_ms: pct(bulk, 0.5), bulkput_50_p95_ms: pct(bulk, 0.95),
    put_vs_bulkput_p50_ratio: Number((pct(put, 0.5) / pct(bulk, 0.5)).toFixed(2)),
    diff_p50_ms: pct(diff, 0.5), diff_p95_ms: pct(diff, 0.95), scan_p50_ms: pct(scan, 0.5), scan_p95_ms: pct(scan, 0.95),
    diff_vs_scan_p50_ratio: Number((pct(diff, 0.5) / pct(scan, 0.5)).toFixed(2)),
  };
};
`;

export async function exercisesBench(options: ExercisesBenchOptions): Promise<BenchReport> {
  const r = await runInChromium<ExercisesBenchOptions, Record<string, number>>(PAGE_SCRIPT, 'exercises-bench', options);
  const n = (key: string) => r[key] ?? Number.NaN;
  const bulk = { name: 'bulkPut of the 50 rows p50', value: n('bulkput_50_p50_ms') };
  const bulk95 = { name: 'bulkPut of the 50 rows p95', value: n('bulkput_50_p95_ms') };
  const scan = { name: 'full table scan p50', value: n('scan_p50_ms') };
  const scan95 = { name: 'full table scan p95', value: n('scan_p95_ms') };
  return {
    figures: [
      figure('PUT contentsession, 50 interactions p50', n('put_50_p50_ms'), 'ms', { baseline: bulk }),
      figure('PUT contentsession, 50 interactions p95', n('put_50_p95_ms'), 'ms', { baseline: bulk95 }),
      figure('GET masterylog diff (2 tries) p50', n('diff_p50_ms'), 'ms', { baseline: scan }),
      figure('GET masterylog diff (2 tries) p95', n('diff_p95_ms'), 'ms', { baseline: scan95 }),
    ],
    info: { attempt_logs: n('attempt_logs'), try_size: n('try_size'), fill_ms: n('fill_ms') },
  };
}
