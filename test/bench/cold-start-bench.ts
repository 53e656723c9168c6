import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { E2E_PASSPHRASE, enterInstructorMode, openApp } from '../support/page-helpers';
import { startServeFixture } from '../support/serve-fixture';
import { benchRendererDir } from './bench-renderer';
import { atMost, figure } from './figures';
import type { BenchReport, Figure } from './figures';

export interface ColdStartBenchOptions {
  /** VR sessions over every learner (learner 1 of 30 gets the most: 3,334 of 100,000). */
  readonly sessions: number;
  readonly learners: number;
  readonly lessonPlays: number;
  /** Exercise tries (mastery logs); each has `attemptsPerTry` attempt logs. */
  readonly tries: number;
  readonly attemptsPerTry: number;
  readonly scormSessions: number;
  /** Outbox rows (delivered, held statements and some refused ones, as a busy kiosk keeps them). */
  readonly outbox: number;
  /** Timed loads per page and data set (median reported). */
  readonly samples: number;
  /** New sessions started (and completed) on the open "My VR sessions" page, per data set. */
  readonly liveSamples: number;
}

/** Every page of the app: learner pages open by reloading the app on them; instructor pages after signing in (see docs/performance.md). */
const LEARNER_PAGES = ['home', 'sessions', 'lesson-plays', 'exercises', 'courses'] as const;
const INSTRUCTOR_PAGES = ['progress', 'headsets', 'library', 'sync', 'settings'] as const;
type PageName = (typeof LEARNER_PAGES)[number] | (typeof INSTRUCTOR_PAGES)[number];

/** Cold start (or open) goal per page, in ms. */
const GOAL_MS = 1000;

/**
 * Installed in every document the bench opens (before the app's own scripts; CDP scripts are not subject
 * to the app's CSP): seeding IndexedDB directly (one transaction per table, fast) and "is this page
 * interactive" checks per page. Plain JavaScript in a string, so nothing of the Node build leaks into it.
 */
const PAGE_HELPERS = String.raw`
(() => {
  const uuid = (prefix, n) => prefix + '-0000-4000-8000-' + String(n).padStart(12, '0');
  const TENANT = uuid('7e4a0000', 1);
  const base = Date.UTC(2025, 0, 1);
  const at = (seconds) => new Date(base + seconds * 1000).toISOString();
  const EXERCISES = ['e1a0c0de00000000000000000000c001', 'e1a0c0de00000000000000000000c002', 'e1a0c0de00000000000000000000c003', 'e1a0c0de00000000000000000000c004', 'e1a0c0de00000000000000000000a001'];
  const learnerIds = (count) => Array.from({ length: count }, (_, i) => uuid('1ea40000', i + 1));
  const packageIds = Array.from({ length: 20 }, (_, i) => uuid('9ac00000', i + 1));

  function put(store, rows) {
    return new Promise((done, reject) => {
      const open = indexedDB.open('outpost');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction(store, 'readwrite');
        const target = tx.objectStore(store);
        for (const row of rows) target.put(row);
        tx.oncomplete = () => { open.result.close(); done(rows.length); };
        tx.onerror = () => { open.result.close(); reject(tx.error); };
      };
    });
  }

  async function seedCatalog({ learners }) {
    const ids = learnerIds(learners);
    await put('learners', ids.map((id, i) => ({ id, tenant_id: TENANT, display_name: 'Learner ' + String(i + 1).padStart(2, '0'), role: 'learner', pin: null, updated_at: at(0) })));
    await put('classes', [{ id: 'class-bench', name: 'Bench class', created_at: at(0), updated_at: at(0) }]);
    await put('classMembers', ids.map((id) => ({ class_id: 'class-bench', learner_id: id, external_id: null, added_at: at(0) })));
    await put('vrPackages', packageIds.map((id, i) => ({ id, title: 'VR ' + String(i).padStart(2, '0'), version: '1.0.0', target_platforms: ['quest3'] })));
    await put('lessons', Array.from({ length: 10 }, (_, i) => ({ id: 'lesson-' + i, title: { en: 'Lesson ' + i } })));
    await put('scormCourses', Array.from({ length: 15 }, (_, i) => ({ id: 'course-' + i, title: 'Course ' + i, version: '1.2', organizations: [], default_organization: null, resources: [], tenant_id: null, imported_at: at(i) })));
  }

  async function seedRecords(o) {
    const ids = learnerIds(o.learners);
    const vr = [];
    for (let n = 0; n < o.sessions; n++) {
      // Some sessions of other learners are still running; the measured learner's are all done, so a start makes a new one.
      const running = n % 997 === 0 && n % o.learners !== 0;
      vr.push({ id: uuid('5e550000', n), package_id: packageIds[Math.floor(n / o.learners) % 20], activity_id: null, tenant_id: TENANT, user_id: ids[n % o.learners], status: running ? 'in_progress' : 'completed', completion_mode: 'self_report', attempts: 1 + Math.floor(n / (o.learners * 20)), download_started_at: at(n), download_completed_at: at(n + 30), first_launch_at: at(n + 60), completed_at: running ? null : at(n + 660), score: running ? null : { raw: n % 101, max: 100, scaled: (n % 101) / 100 }, success_status: running ? null : n % 5 ? 'passed' : 'failed', time_spent_seconds: running ? 0 : 600, self_reported: true, created_at: at(n) });
    }
    await put('vrSessions', vr);
    // Written straight into IndexedDB, the sessions pass by the app's summary keeping: their summaries are
    // made here by the app's own code (window.__summarizeVr, bundled from shared/progress/vr-summary.ts).
    const pairs = new Map();
    for (const s of vr) {
      const key = s.user_id + '/' + s.package_id;
      const group = pairs.get(key);
      if (group) group.push(s);
      else pairs.set(key, [s]);
    }
    await put('vrSummaries', Array.from(pairs.values(), (group) => window.__summarizeVr(group)));
    vr.length = 0;
    const plays = [];
    for (let n = 0; n < o.lessonPlays; n++) plays.push({ id: uuid('91a90000', n), clientId: TENANT, userId: ids[n % o.learners], lessonId: 'lesson-' + (n % 10), createdAt: at(n * 7), completedAt: at(n * 7 + 900), activityTime: 900, averageGrade: 'B', sessions: [] });
    await put('lessonPlays', plays);
    const tries = [], attempts = [];
    for (let n = 0; n < o.tries; n++) {
      const user = ids[n % o.learners];
      const content = EXERCISES[Math.floor(n / o.learners) % EXERCISES.length];
      const log = uuid('7a1e0000', n);
      tries.push({ id: log, user, content_id: content, summarylog: uuid('50a10000', n), mastery_level: 1 + Math.floor(n / (o.learners * EXERCISES.length)), mastery_criterion: { type: 'm_of_n', m: 3, n: 5 }, start_timestamp: at(n), end_timestamp: at(n + 120), completion_timestamp: n % 3 ? null : at(n + 120), complete: n % 3 === 0, correct: 3, correct_sum: 3, time_spent: 120, attempt_count: o.attemptsPerTry });
      for (let a = 0; a < o.attemptsPerTry; a++) attempts.push({ id: log + '-' + a, item: 'q' + a, start_timestamp: at(n + a), end_timestamp: at(n + a + 5), completion_timestamp: at(n + a + 5), time_spent: 5, complete: true, correct: a % 3 ? 1 : 0, hinted: false, answer: { v: a }, simple_answer: '', interaction_history: [], error: false, user, masterylog: log, sessionlog: 'bench-session', content_id: content, mastery_level: 1, ordinal: a });
    }
    await put('masteryLogs', tries);
    await put('attemptLogs', attempts);
    const scorm = [];
    for (let n = 0; n < o.scormSessions; n++) scorm.push({ id: uuid('5c0a0000', n), tenant_id: TENANT, user_id: ids[n % o.learners], package_id: 'course-' + (Math.floor(n / o.learners) % 15), cmi_data: {}, completion_status: 'completed', success_status: n % 7 ? 'passed' : 'failed', score: { scaled: (n % 10) / 10 }, time_spent_seconds: 300, version: 1, created_at: at(n), updated_at: at(n) });
    await put('scormSessions', scorm);
    const ops = [];
    for (let n = 0; n < o.outbox; n++) {
      const dead = n % 400 === 7;
      const status = dead ? 'dead' : n % 3 ? 'done' : 'held';
      ops.push({ id: uuid('0b0c0000', n), idempotency_key: uuid('1d3e0000', n), kind: status === 'held' ? 'xapi.statement' : 'vr_session.complete', entity_id: uuid('5e550000', n), method: 'POST', path: status === 'held' ? '/xapi/statements' : '/api/vr-sessions/' + uuid('5e550000', n) + '/complete', body: { score: 80 }, acting_user_id: ids[n % o.learners], depends_on: [], status, held_reason: status === 'held' ? 'no_lrs' : null, claimed_by: null, attempts: dead ? 1 : 0, next_attempt_at: at(n), last_error: dead ? { status: 422, code: 'VALIDATION_ERROR', message: 'score: out of range' } : null, created_at: at(n), updated_at: at(n) });
    }
    await put('outbox', ops);
  }

  const h1 = (text) => Array.from(document.querySelectorAll('h1')).some((h) => h.textContent === text);
  const has = (selector) => document.querySelector(selector) !== null;
  const says = (text) => (document.querySelector('main') || document.body).textContent.includes(text);
  const READY = {
    home: (loaded) => h1('Overview') && (document.querySelector('[data-testid=package-count]')?.textContent ?? '').startsWith(loaded.packages + ' '),
    sessions: (loaded) => h1('My VR sessions') && (loaded.records ? has('ul.sessions > li') : says('You have no VR sessions yet')) && has('[data-testid=start-table]'),
    'lesson-plays': (loaded) => h1('My lessons') && (loaded.records ? has('[data-testid=lesson-play-row]') : says('You have not played a lesson yet')),
    exercises: () => h1('My exercises') && Array.from(document.querySelectorAll('[data-testid=exercise-list] tbody tr')).every((row) => (row.children[2]?.textContent ?? '') !== '') && has('[data-testid=exercise-list] tbody tr'),
    courses: () => h1('My courses') && has('[data-testid=my-courses] li'),
    progress: () => h1('Class progress') && has('table.progress-grid tbody tr'),
    headsets: () => h1('Headsets') && (says('No headsets yet') || has('article')),
    library: () => h1('VR library') && has('[data-testid=package-table] tbody tr'),
    sync: (loaded) => h1('Sync') && has('[data-testid=sync-status]') && (loaded.records ? has('ul.dead-letter-list > li') : says('No refused changes.')),
    settings: () => h1('Settings') && has('main select, main input'),
  };

  /** Polls every frame until the page is ready, then yields once more: "interactive" is when a task posted then runs. */
  async function waitReady(name, loaded, timeoutMs) {
    const check = READY[name];
    const started = performance.now();
    while (!check(loaded)) {
      if (performance.now() - started > timeoutMs) throw new Error(name + ' not ready after ' + timeoutMs + ' ms: ' + (document.querySelector('main') || document.body).textContent.slice(0, 300));
      await new Promise((done) => requestAnimationFrame(() => done()));
    }
    await new Promise((done) => setTimeout(done, 0));
    return performance.now();
  }

  /** In-app open: set the route and time until ready. */
  async function openTimed(name, loaded, timeoutMs) {
    const t0 = performance.now();
    window.location.hash = '#/' + name;
    return (await waitReady(name, loaded, timeoutMs)) - t0;
  }

  const top = () => document.querySelector('ul.sessions > li article');
  /** Starts a session of one package from the open "My VR sessions" page: ms until its card is on top. */
  async function startTimed(title, timeoutMs) {
    const row = Array.from(document.querySelectorAll('[data-testid=start-table] tbody tr')).find((tr) => tr.children[0]?.textContent === title);
    if (!row) throw new Error('no start row for ' + title);
    const t0 = performance.now();
    row.querySelector('button').click();
    while (!(top() && top().getAttribute('data-status') === 'downloading' && top().querySelector('h2')?.textContent === title)) {
      if (performance.now() - t0 > timeoutMs) throw new Error('new session of ' + title + ' not shown after ' + timeoutMs + ' ms: ' + (document.querySelector('main') || document.body).textContent.slice(0, 400));
      await new Promise((done) => requestAnimationFrame(() => done()));
    }
    return performance.now() - t0;
  }
  /** Completes the session on top (self-reported, no fields): ms until the card says completed. */
  async function completeTimed(timeoutMs) {
    const card = top();
    const button = Array.from(card.querySelectorAll('button')).find((b) => b.textContent === 'Mark as completed');
    if (!button) throw new Error('no completion button on top card');
    const t0 = performance.now();
    button.click();
    while (!(top() && top().getAttribute('data-status') === 'completed' && top().id === card.id)) {
      if (performance.now() - t0 > timeoutMs) throw new Error('completed session not shown after ' + timeoutMs + ' ms: ' + (document.querySelector('main') || document.body).textContent.slice(0, 400));
      await new Promise((done) => requestAnimationFrame(() => done()));
    }
    return performance.now() - t0;
  }

  window.__cold = { seedCatalog, seedRecords, waitReady, openTimed, startTimed, completeTimed };
})();
`;

interface Loaded {
  readonly records: boolean;
  readonly packages: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

type Cold = { __cold: Record<string, (...args: unknown[]) => Promise<number>> };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The app's own summary of a learner's sessions of a package, bundled for the page that seeds IndexedDB directly. */
async function summarizeScript(): Promise<string> {
  const bundle = await build({
    stdin: { contents: "import { summarize } from './shared/progress/vr-summary';\nwindow.__summarizeVr = summarize;\n", resolveDir: ROOT, sourcefile: 'summarize-vr.js', loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return bundle.outputFiles[0]?.text ?? '';
}
const TIMEOUT_MS = Number(process.env['OUTPOST_BENCH_TIMEOUT_MS'] ?? 120_000);

async function reloadOn(page: Page, route: PageName, loaded: Loaded): Promise<number> {
  await page.evaluate((r) => {
    window.location.hash = `#/${r}`;
  }, route);
  await page.reload({ waitUntil: 'commit' });
  return page.evaluate(([name, state, timeout]) => (window as unknown as Cold).__cold.waitReady!(name, state, timeout), [route, loaded, TIMEOUT_MS] as const);
}

async function signInLearner(page: Page, name: string): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('button', { name }).click();
  await page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
}

/** Reloads on the overview, signs the instructor in (not timed) and opens the page (timed). */
async function openAsInstructor(page: Page, route: PageName, loaded: Loaded): Promise<number> {
  await reloadOn(page, 'home', loaded);
  if ((await page.getByTestId('instructor-mode').count()) === 0) await enterInstructorMode(page, E2E_PASSPHRASE);
  return page.evaluate(([name, state, timeout]) => (window as unknown as Cold).__cold.openTimed!(name, state, timeout), [route, loaded, TIMEOUT_MS] as const);
}

interface PhaseResult {
  readonly pageMs: Record<PageName, number>;
  readonly startMs: number;
  readonly completeMs: number;
  readonly gridHeapMiB: number;
}

async function measurePhase(page: Page, heavyLearner: string, loaded: Loaded, options: ColdStartBenchOptions): Promise<PhaseResult> {
  const cdp = await page.context().newCDPSession(page);
  const pageMs = {} as Record<PageName, number>;
  // Learner pages: the heavy learner is signed in (kept across reloads, as on a kiosk).
  await signInLearner(page, heavyLearner);
  for (const route of LEARNER_PAGES) {
    const samples: number[] = [];
    for (let s = 0; s < options.samples; s++) samples.push(await reloadOn(page, route, loaded));
    pageMs[route] = median(samples);
  }
  // Live: start a session on the open page (the create goes through the local API as the button does), then complete it.
  await reloadOn(page, 'sessions', loaded);
  const starts: number[] = [];
  const completes: number[] = [];
  for (let s = 0; s < options.liveSamples; s++) {
    const title = `VR ${String(s % 20).padStart(2, '0')}`;
    starts.push(await page.evaluate(([t, timeout]) => (window as unknown as Cold).__cold.startTimed!(t, timeout), [title, TIMEOUT_MS] as const));
    completes.push(await page.evaluate((timeout) => (window as unknown as Cold).__cold.completeTimed!(timeout), TIMEOUT_MS));
  }
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
  // Instructor pages.
  let gridHeapMiB = Number.NaN;
  for (const route of INSTRUCTOR_PAGES) {
    const samples: number[] = [];
    for (let s = 0; s < options.samples; s++) {
      samples.push(await openAsInstructor(page, route, loaded));
      if (route === 'progress' && s === options.samples - 1) {
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        gridHeapMiB = usedSize / 2 ** 20;
      }
    }
    pageMs[route] = median(samples);
  }
  await cdp.detach();
  return { pageMs, startMs: median(starts), completeMs: median(completes), gridHeapMiB };
}


/**
 * Cold start of every page in Chromium against the real serve host, on a kiosk holding a classroom's
 * history (default: 100,000 VR sessions over 30 learners, the first with 3,334; lesson plays, exercise tries
 * with their attempts, SCORM sessions, outbox rows), each against the same page on a kiosk with the same
 * roster and catalog but no records (the baseline, measured in the same run). Also: a session started on
 * the open "My VR sessions" page until its card is on top, and completed until the card says so; and the
 * renderer's JS heap (after a forced GC) once the class progress grid of all 30 learners is shown.
 */
export async function coldStartBench(options: ColdStartBenchOptions): Promise<BenchReport> {
  const renderer = await benchRendererDir('outpost-bench-renderer-');
  const summarize = await summarizeScript();
  const browser = await launchChromium();
  const run = async (withRecords: boolean): Promise<PhaseResult & { fillMs: number }> => {
    const fixture = await startServeFixture(renderer.dir);
    try {
      const { context, page } = await openApp(browser, fixture.host.url, {});
      await context.addInitScript({ content: summarize });
      await context.addInitScript({ content: PAGE_HELPERS });
      // The helpers are there from the next document on; a reload also ends the instructor mode openApp left.
      await page.reload();
      await page.getByRole('heading', { name: 'Overview' }).waitFor();
      page.setDefaultTimeout(TIMEOUT_MS);
      const fillStarted = performance.now();
      await page.evaluate((o) => (window as unknown as Cold).__cold.seedCatalog!(o), options);
      if (withRecords) await page.evaluate((o) => (window as unknown as Cold).__cold.seedRecords!(o), options);
      const fillMs = performance.now() - fillStarted;
      const result = await measurePhase(page, 'Learner 01', { records: withRecords, packages: 20 }, options);
      await context.close();
      return { ...result, fillMs };
    } finally {
      await fixture.stop();
    }
  };
  try {
    const baseline = await run(false);
    const loaded = await run(true);
    const figures: Figure[] = [];
    for (const route of [...LEARNER_PAGES, ...INSTRUCTOR_PAGES]) {
      const kind = (INSTRUCTOR_PAGES as readonly string[]).includes(route) ? 'open' : 'cold_start';
      figures.push(figure(`${kind}_${route}`, loaded.pageMs[route], 'ms', { baseline: { name: 'same page, no records', value: baseline.pageMs[route] }, goal: atMost(GOAL_MS) }));
    }
    figures.push(figure('new_session_shown', loaded.startMs, 'ms', { baseline: { name: 'learner with no sessions', value: baseline.startMs }, goal: atMost(GOAL_MS) }));
    figures.push(figure('completed_session_shown', loaded.completeMs, 'ms', { baseline: { name: 'learner with no sessions', value: baseline.completeMs }, goal: atMost(GOAL_MS) }));
    figures.push(figure('heap_after_class_grid', loaded.gridHeapMiB, 'MiB', { baseline: { name: 'same grid, no records', value: baseline.gridHeapMiB } }));
    const heavy = Math.ceil(options.sessions / options.learners);
    return {
      figures,
      info: {
        vr_sessions: options.sessions,
        learners: options.learners,
        heaviest_learner_sessions: heavy,
        lesson_plays: options.lessonPlays,
        exercise_tries: options.tries,
        attempt_logs: options.tries * options.attemptsPerTry,
        scorm_sessions: options.scormSessions,
        outbox_rows: options.outbox,
        fill_ms: Math.round(loaded.fillMs),
        samples_per_page: options.samples,
        live_samples: options.liveSamples,
      },
    };
  } finally {
    await browser.close();
    await renderer.cleanup();
  }
}
