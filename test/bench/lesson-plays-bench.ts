import { atMost, figure } from './figures';
import type { BenchReport } from './figures';
import { runInChromium } from './run-in-chromium';

export interface LessonPlaysBenchOptions {
  /** Plays in the client. */
  readonly plays: number;
  /** Random pages measured per listing (each reached through the cursor chain). */
  readonly pagesPerListing: number;
}


/**
 * Runs in Chromium: the kiosk's own database code (Dexie over the real IndexedDB) and its local API.
 * Fills one client with `plays` plays (200 learners, 20 lessons, createdAt in whole seconds so many tie,
 * results on most plays), makes one untimed first call per listing (the page's code warming up), then
 * times, per listing (filter + sort), a first page and `pages` pages reached
 * by the API's own nextPageToken, plus a full cursor walk of the client; and, as the baseline in the same
 * run, the obvious way: read the client's plays, sort them in memory, slice a page.
 */
const PAGE_SCRIPT = `
import { Dexie } from 'dexie';
import { OutpostDb } from './renderer/src/db/outpost-db';
import { createLocalApi } from './renderer/src/local-server/local-api';
import { signIn } from './renderer/src/auth/kiosk-auth';
import { lessonPlayAggregates } from './shared/lesson-plays/aggregates';

const CLIENT = '0b7c5f3e-1d2a-4c8b-9e6f-3a2b1c0d9e8f';
const uuid = (prefix, n) => prefix + '-0000-4000-8000-' + String(n).padStart(12, '0');
const GRADES = ['A+', 'A', 'B', 'C', 'D', 'E', 'F'];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };

window.runBench = async ({ plays, pagesPerListing }) => {
  await Dexie.delete('bench');
  const db = new OutpostDb('bench');
  const random = rng(42);
  const learners = Array.from({ length: 200 }, (_, i) => uuid('1ea40000', i + 1));
  const lessons = Array.from({ length: 20 }, (_, i) => ({ id: 'lesson-' + i, title: { en: 'Lesson ' + i }, sessions: [{ title: { en: 'Warmup' } }, { title: { en: 'Workout' } }] }));
  await db.learners.bulkAdd(learners.map((id, i) => ({ id, tenant_id: CLIENT, display_name: 'Learner ' + i, role: 'learner', pin: null, updated_at: new Date().toISOString() })));
  await db.lessons.bulkAdd(lessons);
  const start = Date.UTC(2026, 0, 1);
  const fillStarted = performance.now();
  const CHUNK = 5000;
  for (let done = 0; done < plays; done += CHUNK) {
    const rows = [];
    for (let i = done; i < Math.min(plays, done + CHUNK); i++) {
      const sessions = random() < 0.7 ? [0, 1].map((index) => ({ index, grade: GRADES[Math.floor(random() * 7)], engagementLevel: Math.round(random() * 100) / 100, poseSimilarity: Math.round(random() * 100) / 100, repCount: 10, targetRepCount: 12 })) : [];
      rows.push({
        id: uuid('91a70000', i),
        clientId: CLIENT,
        userId: learners[Math.floor(random() * learners.length)],
        lessonId: lessons[Math.floor(random() * lessons.length)].id,
        // Whole seconds over a few hours: many plays share a createdAt.
        createdAt: new Date(start + Math.floor(i / 8) * 1000).toISOString(),
        completedAt: sessions.length ? new Date(start + Math.floor(i / 8) * 1000 + 900000).toISOString() : null,
        sessions,
        ...(sessions.length ? { ...lessonPlayAggregates(sessions), activityTime: 900, caloriesBurned: Math.floor(random() * 300) } : {}),
      });
    }
    await db.lessonPlays.bulkAdd(rows);
  }
  const fillMs = performance.now() - fillStarted;

  const api = createLocalApi({ db, now: () => new Date(), newId: () => crypto.randomUUID(), xapi: { accountHomePage: 'https://x.invalid', activityIriBase: 'https://x.invalid/xapi' }, instructor: { require: async () => {} } });
  const learner = learners[7];
  const token = (await signIn(db, learner, null, { now: () => new Date() })).token;
  async function get(query, asLearner) {
    const t0 = performance.now();
    const response = await api(new Request('http://outpost.local/api/lesson-plays?clientId=' + CLIENT + '&' + query, { headers: { authorization: asLearner ? 'Bearer ' + token : 'Instructor' } }));
    const body = await response.json();
    if (response.status !== 200) throw new Error(query + ': ' + response.status + ' ' + JSON.stringify(body));
    return { ms: performance.now() - t0, body };
  }

  const listings = {
    client_newest: ['sortBy=createdAt&sortOrder=desc', false],
    client_by_score: ['sortBy=score&sortOrder=desc', false],
    lesson_by_grade: ['lessonId=lesson-3&sortBy=averageGrade&sortOrder=asc', false],
    learner_newest: ['sortBy=createdAt&sortOrder=desc', true],
    learner_lesson_oldest: ['lessonId=lesson-5&sortBy=createdAt&sortOrder=asc', true],
  };
  const result = { plays, fill_ms: Math.round(fillMs) };
  // Untimed first calls: the page's first request also compiles the API's code paths and opens the
  // database's first transactions (tens of ms once), which is cold start, not a page of a running kiosk.
  for (const [query, asLearner] of Object.values(listings)) await get(query + '&pageSize=20', asLearner);
  for (const [name, [query, asLearner]] of Object.entries(listings)) {
    const times = [];
    let token = null;
    for (let i = 0; i < pagesPerListing; i++) {
      const page = await get(query + '&pageSize=20' + (token ? '&startAfter=' + encodeURIComponent(token) : ''), asLearner);
      times.push(page.ms);
      token = page.body.hasMore ? page.body.nextPageToken : null;
    }
    result[name + '_page_p95_ms'] = Number(p95(times).toFixed(2));
  }
  // Numbered pages deep into the client (pages 100 to 190 of 20): the index advances, nothing is sorted.
  // 40 of them, so the p95 is not simply the slowest of a handful.
  const deep = [];
  for (let i = 0; i < 40; i++) deep.push((await get('sortBy=createdAt&pageSize=20&page=' + (100 + Math.round((i * 90) / 39)), false)).ms);
  result.client_offset_page_p95_ms = Number(p95(deep).toFixed(2));

  // Full cursor walk of the client, 100 a page: every play exactly once.
  const walkStarted = performance.now();
  const seen = new Set();
  let cursor = null;
  let pages = 0;
  for (;;) {
    const page = await get('sortBy=createdAt&sortOrder=desc&pageSize=100' + (cursor ? '&startAfter=' + encodeURIComponent(cursor) : ''), false);
    pages++;
    for (const play of page.body.data) seen.add(play.id);
    if (!page.body.hasMore) break;
    cursor = page.body.nextPageToken;
  }
  result.full_walk_pages = pages;
  result.full_walk_ms = Math.round(performance.now() - walkStarted);
  result.full_walk_plays_seen = seen.size;
  if (seen.size !== plays) throw new Error('walk saw ' + seen.size + ' of ' + plays);
  // Its baseline: the same pages of 100 read straight from the index, each after the last row of the one before (no API, no JSON).
  const rawStarted = performance.now();
  let rawSeen = 0;
  let last = null;
  for (;;) {
    const rows = await db.lessonPlays.where('[clientId+createdAt+id]').between([CLIENT, Dexie.minKey], last ? [CLIENT, last.createdAt, last.id] : [CLIENT, Dexie.maxKey], true, false).reverse().limit(100).toArray();
    rawSeen += rows.length;
    if (rows.length < 100) break;
    last = rows[rows.length - 1];
  }
  result.raw_walk_ms = Math.round(performance.now() - rawStarted);
  if (rawSeen !== plays) throw new Error('index walk saw ' + rawSeen + ' of ' + plays);

  // Baseline: read the whole client, sort in memory, slice one page.
  const naive = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const all = await db.lessonPlays.where('[clientId+createdAt+id]').between([CLIENT, Dexie.minKey], [CLIENT, Dexie.maxKey]).toArray();
    all.sort((a, b) => (b.averagePoseSimilarity ?? -1) - (a.averagePoseSimilarity ?? -1) || (a.id < b.id ? 1 : -1));
    all.slice(0, 20);
    naive.push(performance.now() - t0);
  }
  result.naive_scan_sort_page_p95_ms = Number(p95(naive).toFixed(2));
  result.ours_vs_naive_ratio = Number((result.client_by_score_page_p95_ms / result.naive_scan_sort_page_p95_ms).toFixed(4));
  db.close();
  return result;
};
`;

const LISTINGS = ['client_newest', 'client_by_score', 'lesson_by_grade', 'learner_newest', 'learner_lesson_oldest', 'client_offset'] as const;

export async function lessonPlaysBench(options: LessonPlaysBenchOptions): Promise<BenchReport> {
  const r = await runInChromium<LessonPlaysBenchOptions, Record<string, number>>(PAGE_SCRIPT, 'lesson-plays-bench', options);
  const baseline = { name: 'scan+sort+slice p95', value: r.naive_scan_sort_page_p95_ms ?? Number.NaN };
  return {
    figures: [
      ...LISTINGS.map((name) => figure(`GET lesson-plays ${name} page p95`, r[`${name}_page_p95_ms`] ?? Number.NaN, 'ms', { baseline, goal: atMost(5) })),
      figure('full cursor walk, 100 a page', r.full_walk_ms ?? Number.NaN, 'ms', { baseline: { name: 'the same pages read from the index, no API', value: r.raw_walk_ms ?? Number.NaN } }),
    ],
    info: { plays: r.plays ?? 0, fill_ms: r.fill_ms ?? 0, full_walk_pages: r.full_walk_pages ?? 0, full_walk_plays_seen: r.full_walk_plays_seen ?? 0 },
  };
}
