import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { createMainServices } from '../../main/app/main-services';
import type { Dispatch } from '../../main/ipc/dispatcher';
import { startServeHost } from '../../main/serve/serve-host';
import { FileSecretStore } from '../../main/services/remote/secret-store';
import { ROUTES } from '../../renderer/src/ui/use-hash-route';
import { launchChromium } from '../support/chromium';
import { E2E_PASSPHRASE, enterInstructorMode, openApp } from '../support/page-helpers';
import { benchRendererDir } from './bench-renderer';
import { atMost, figure } from './figures';
import type { BenchReport, Figure } from './figures';

export interface ColdStartBenchOptions {
  /** VR sessions over every learner (learner 1 of 30 gets the most: 3,334 of 100,000). */
  readonly sessions: number;
  readonly learners: number;
  /** Lesson plays over every learner (learner 1 gets 1/30 of them, 3,334 of 100,000). */
  readonly lessonPlays: number;
  /** Exercise tries (mastery logs); each has `attemptsPerTry` attempt logs (10,000 x 10: 100,000 attempt logs). */
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

/**
 * Every route of the app (renderer/src/ui/use-hash-route.ts ROUTES), each timed as a reload of the app on
 * it: learner pages with the heavy learner signed in, the two sign-in pages with nobody signed in, the
 * instructor pages with the instructor's session kept across the reload (see startBenchHost).
 */
const LEARNER_PAGES = ['home', 'sessions', 'lesson-plays', 'exercises', 'courses'] as const;
const SIGNED_OUT_PAGES = ['sign-in', 'instructor'] as const;
const INSTRUCTOR_PAGES = ['progress', 'class', 'headsets', 'cast', 'library', 'sync', 'settings'] as const;
type PageName = (typeof LEARNER_PAGES)[number] | (typeof SIGNED_OUT_PAGES)[number] | (typeof INSTRUCTOR_PAGES)[number];
/** A route added to the app without a place here fails the bench instead of going unmeasured. */
const UNMEASURED = ROUTES.filter((route) => !([...LEARNER_PAGES, ...SIGNED_OUT_PAGES, ...INSTRUCTOR_PAGES] as readonly string[]).includes(route));
/** The page also timed as reload + the instructor's sign-in (serve, or Electron after an app restart). */
const SIGN_IN_PAGE = 'progress' satisfies (typeof INSTRUCTOR_PAGES)[number];

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
    // As for VR sessions: the plays' summaries (schema v19) made by the app's own rules, since these rows pass by the middleware.
    const lessons = new Map();
    for (const p of plays) {
      const key = p.clientId + '/' + p.userId + '/' + p.lessonId;
      const group = lessons.get(key);
      if (group) group.push(p);
      else lessons.set(key, [p]);
    }
    await put('lessonPlaySummaries', Array.from(lessons.values(), (group) => window.__summarizeLessonPlays(group)));
    plays.length = 0;
    const tries = [], attempts = [];
    for (let n = 0; n < o.tries; n++) {
      const user = ids[n % o.learners];
      const content = EXERCISES[Math.floor(n / o.learners) % EXERCISES.length];
      const log = uuid('7a1e0000', n);
      tries.push({ id: log, user, content_id: content, summarylog: uuid('50a10000', n), mastery_level: 1 + Math.floor(n / (o.learners * EXERCISES.length)), mastery_criterion: { type: 'm_of_n', m: 3, n: 5 }, start_timestamp: at(n), end_timestamp: at(n + 120), completion_timestamp: n % 3 ? null : at(n + 120), complete: n % 3 === 0, correct: 3, correct_sum: 3, time_spent: 120, attempt_count: o.attemptsPerTry });
      for (let a = 0; a < o.attemptsPerTry; a++) attempts.push({ id: log + '-' + a, item: 'q' + a, start_timestamp: at(n + a), end_timestamp: at(n + a + 5), completion_timestamp: at(n + a + 5), time_spent: 5, complete: true, correct: a % 3 ? 1 : 0, hinted: false, answer: { v: a }, simple_answer: '', interaction_history: [], error: false, user, masterylog: log, sessionlog: 'bench-session', content_id: content, mastery_level: 1, ordinal: a });
    }
    await put('masteryLogs', tries);
    // As for VR sessions: the tries' summaries (schema v22) made by the app's own rules, since these rows pass by the middleware.
    const exercises = new Map();
    for (const t of tries) {
      const key = t.user + '/' + t.content_id;
      const group = exercises.get(key);
      if (group) group.push(t);
      else exercises.set(key, [t]);
    }
    await put('exerciseSummaries', Array.from(exercises.values(), (group) => window.__summarizeExerciseTries(group)));
    await put('attemptLogs', attempts);
    const scorm = [];
    for (let n = 0; n < o.scormSessions; n++) scorm.push({ id: uuid('5c0a0000', n), tenant_id: TENANT, user_id: ids[n % o.learners], package_id: 'course-' + (Math.floor(n / o.learners) % 15), cmi_data: {}, completion_status: 'completed', success_status: n % 7 ? 'passed' : 'failed', score: { scaled: (n % 10) / 10 }, time_spent_seconds: 300, version: 1, created_at: at(n), updated_at: at(n) });
    await put('scormSessions', scorm);
    const courses = new Map();
    for (const c of scorm) {
      const key = c.user_id + '/' + c.package_id;
      const group = courses.get(key);
      if (group) group.push(c);
      else courses.set(key, [c]);
    }
    await put('scormSummaries', Array.from(courses.values(), (group) => window.__summarizeScormSessions(group)));
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
  const count = (selector) => document.querySelectorAll(selector).length;
  const READY = {
    home: (loaded) => h1('Overview') && (document.querySelector('[data-testid=package-count]')?.textContent ?? '').startsWith(loaded.packages + ' '),
    sessions: (loaded) => h1('My VR sessions') && (loaded.records ? has('ul.sessions > li') : says('You have no VR sessions yet')) && has('[data-testid=start-table]'),
    'lesson-plays': (loaded) => h1('My lessons') && (loaded.records ? has('[data-testid=lesson-play-row]') : says('You have not played a lesson yet')),
    exercises: () => h1('My exercises') && Array.from(document.querySelectorAll('[data-testid=exercise-list] tbody tr')).every((row) => (row.children[2]?.textContent ?? '') !== '') && has('[data-testid=exercise-list] tbody tr'),
    courses: () => h1('My courses') && has('[data-testid=my-courses] li'),
    'sign-in': (loaded) => h1('Sign in') && count('ul.roster > li > button') === loaded.learners,
    instructor: () => h1('Instructor') && has('main input[name=instructor-secret]') && has('main form button[type=submit]'),
    progress: (loaded) => h1('Class progress') && count('table.progress-grid tbody tr') === loaded.learners,
    class: (loaded) => h1('Class') && says(loaded.learners + ' learners on this kiosk.') && has('ul.class-list > li button') && count('select[name=learner-manage] option') === loaded.learners + 1,
    headsets: () => h1('Headsets') && (says('No headsets yet') || has('article')),
    // No headsets in the bench: the wall is empty, and says so.
    cast: () => h1('What each learner sees') && says('No headset is ready.') && has('ul.cast-wall') && has('.cast-controls select'),
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

  /**
   * After a reload on an instructor page with no instructor session: waits for the sign-in form the page
   * shows in its place, types the passphrase and submits it as a person would (no think time), then waits
   * until the page is ready. Both times from the navigation's start.
   */
  async function signInThenReady(name, loaded, secret, timeoutMs) {
    const started = performance.now();
    const field = () => document.querySelector('main input[name=instructor-secret]');
    while (!field()) {
      if (performance.now() - started > timeoutMs) throw new Error('no instructor sign-in form on ' + name + ' after ' + timeoutMs + ' ms');
      await new Promise((done) => requestAnimationFrame(() => done()));
    }
    const formShownMs = performance.now();
    const input = field();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, secret);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const button = input.form.querySelector('button[type=submit]');
    while (button.disabled) {
      if (performance.now() - started > timeoutMs) throw new Error('sign-in button still disabled on ' + name);
      await new Promise((done) => setTimeout(done, 0));
    }
    button.click();
    const readyMs = await waitReady(name, loaded, timeoutMs);
    return { readyMs, formShownMs };
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

  window.__cold = { seedCatalog, seedRecords, waitReady, signInThenReady, startTimed, completeTimed };
})();
`;

interface Loaded {
  readonly records: boolean;
  readonly packages: number;
  readonly learners: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

type Cold = { __cold: Record<string, (...args: unknown[]) => Promise<unknown>> };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The app's own summary of a learner's sessions of a package, bundled for the page that seeds IndexedDB directly. */
async function summarizeScript(): Promise<string> {
  const bundle = await build({
    stdin: {
      contents:
        "import { summarize } from './shared/progress/vr-summary';\nimport { summarizeLessonPlays } from './shared/progress/lesson-summary';\nimport { summarizeScormSessions } from './shared/progress/scorm-summary';\nimport { summarizeExerciseTries } from './shared/progress/exercise-summary';\nwindow.__summarizeVr = summarize;\nwindow.__summarizeLessonPlays = summarizeLessonPlays;\nwindow.__summarizeScormSessions = summarizeScormSessions;\nwindow.__summarizeExerciseTries = summarizeExerciseTries;\n",
      resolveDir: ROOT,
      sourcefile: 'summarize.js',
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return bundle.outputFiles[0]?.text ?? '';
}
const TIMEOUT_MS = Number(process.env['OUTPOST_BENCH_TIMEOUT_MS'] ?? 120_000);

/** Reloads the app on a page and waits until it is ready: ms from the navigation's start (the new document's time origin). */
async function reloadOn(page: Page, route: PageName, loaded: Loaded): Promise<number> {
  await page.evaluate((r) => {
    window.location.hash = `#/${r}`;
  }, route);
  await page.reload({ waitUntil: 'commit' });
  return (await page.evaluate(([name, state, timeout]) => (window as unknown as Cold).__cold.waitReady!(name, state, timeout), [route, loaded, TIMEOUT_MS] as const)) as number;
}

/** Reloads on an instructor page with no instructor session, signs in on the form it shows and waits until the page is ready. */
async function reloadSigningIn(page: Page, route: PageName, loaded: Loaded): Promise<{ readyMs: number; formShownMs: number }> {
  await page.evaluate((r) => {
    window.location.hash = `#/${r}`;
  }, route);
  await page.reload({ waitUntil: 'commit' });
  return (await page.evaluate(([name, state, secret, timeout]) => (window as unknown as Cold).__cold.signInThenReady!(name, state, secret, timeout), [route, loaded, E2E_PASSPHRASE, TIMEOUT_MS] as const)) as { readyMs: number; formShownMs: number };
}

async function signInLearner(page: Page, name: string): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('button', { name }).click();
  await page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
}

interface BenchHost {
  readonly url: string;
  /** On: every connection counts as one window, so the instructor's session survives a reload (as in Electron). */
  oneWindow(on: boolean): void;
  stop(): Promise<void>;
}

/**
 * The real headless host (as test/support/serve-fixture.ts starts it) with one switch. main keeps an
 * instructor session per caller: in Electron the window (`wc-<webContents id>`), which a reload keeps; in
 * serve the WebSocket connection, which a reload replaces, so serve signs the instructor out on every
 * reload. With `oneWindow(true)` every call reaches main's dispatcher as from one caller, so a reload of
 * the bench's single tab keeps the session as the Electron window does and an instructor page can be
 * timed as a true cold start of the renderer. Off, it is plain serve.
 */
async function startBenchHost(rendererDir: string): Promise<BenchHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'outpost-cold-start-'));
  const services = createMainServices({
    dataDir,
    appInfo: { name: 'Outpost', version: '0.0.0-bench', host: 'serve', platform: process.platform },
    now: () => new Date(),
    log: () => undefined,
    // No adb server of the bench's own: a closed port, so no real adb is touched (the headset pages are empty).
    adb: { adbPath: 'adb', host: '127.0.0.1', port: 1 },
    secrets: new FileSecretStore(join(dataDir, 'remote-token.json')),
  });
  let oneWindow = false;
  const dispatch: Dispatch = (channel, payload, context) => services.dispatch(channel, payload, oneWindow ? { ...context, senderId: 'bench-window' } : context);
  try {
    const host = await startServeHost({ services: { ...services, dispatch }, rendererDir, port: 0, lanBind: { host: '127.0.0.1' } });
    return {
      url: host.url,
      oneWindow: (on) => {
        oneWindow = on;
      },
      async stop() {
        services.stop();
        await host.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    services.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** Self time per function of a CDP CPU profile, largest first ("(idle)" is the main thread waiting, e.g. on IndexedDB). */
function selfTimes(profile: CpuProfile, top: number): Array<{ frame: string; ms: number }> {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = byNode.get(samples[i]!)?.callFrame;
    if (!frame) continue;
    const file = frame.url.split('/').pop() ?? '';
    const key = file ? `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : frame.functionName;
    totals.set(key, (totals.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...totals].map(([frame, ms]) => ({ frame, ms: Math.round(ms) })).sort((a, b) => b.ms - a.ms).slice(0, top);
}

/**
 * With OUTPOST_BENCH_PROFILE_DIR set, each page that missed the goal in the loaded run is reloaded once
 * more (after everything was measured, so the figures are untouched) under the CDP profiler: the profile is
 * written there as cold-start-<page>.cpuprofile (open it in Chromium's DevTools; the renderer's source
 * maps resolve the names) and its largest self times are printed.
 */
async function profileSlowPages(page: Page, pages: readonly PageName[], loaded: Loaded, reload: (route: PageName) => Promise<number>): Promise<void> {
  const dir = process.env['OUTPOST_BENCH_PROFILE_DIR'];
  if (!dir || pages.length === 0) return;
  await mkdir(dir, { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  for (const route of pages) {
    await cdp.send('Profiler.start');
    const ms = await reload(route);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await writeFile(join(dir, `cold-start-${route}.cpuprofile`), JSON.stringify(profile));
    console.log(`profile of ${route} (${Math.round(ms)} ms, records: ${loaded.records}): ${selfTimes(profile, 15).map((t) => `${t.frame} ${t.ms} ms`).join('; ')}`);
  }
  await cdp.detach();
}

interface PhaseResult {
  readonly pageMs: Record<PageName, number>;
  /** Reload on SIGN_IN_PAGE with no instructor session until ready, the instructor signing in on the way. */
  readonly signInReadyMs: number;
  /** The same reloads until the sign-in form was shown. */
  readonly signInFormMs: number;
  readonly startMs: number;
  readonly completeMs: number;
  readonly gridHeapMiB: number;
}

async function medianOf(samples: number, sample: () => Promise<number>): Promise<number> {
  const taken: number[] = [];
  for (let s = 0; s < samples; s++) taken.push(await sample());
  return median(taken);
}

async function measurePhase(page: Page, host: BenchHost, heavyLearner: string, loaded: Loaded, options: ColdStartBenchOptions): Promise<PhaseResult> {
  const cdp = await page.context().newCDPSession(page);
  const pageMs = {} as Record<PageName, number>;
  // Learner pages: the heavy learner is signed in (kept across reloads, as on a kiosk).
  await signInLearner(page, heavyLearner);
  for (const route of LEARNER_PAGES) pageMs[route] = await medianOf(options.samples, () => reloadOn(page, route, loaded));
  if (loaded.records) await profileSlowPages(page, LEARNER_PAGES.filter((route) => pageMs[route] > GOAL_MS), loaded, (route) => reloadOn(page, route, loaded));
  // Live: start a session on the open page (the create goes through the local API as the button does), then complete it.
  await reloadOn(page, 'sessions', loaded);
  const starts: number[] = [];
  const completes: number[] = [];
  for (let s = 0; s < options.liveSamples; s++) {
    const title = `VR ${String(s % 20).padStart(2, '0')}`;
    starts.push((await page.evaluate(([t, timeout]) => (window as unknown as Cold).__cold.startTimed!(t, timeout), [title, TIMEOUT_MS] as const)) as number);
    completes.push((await page.evaluate((timeout) => (window as unknown as Cold).__cold.completeTimed!(timeout), TIMEOUT_MS)) as number);
  }
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
  // Nobody signed in: the learners' roster and the instructor's passphrase form.
  for (const route of SIGNED_OUT_PAGES) pageMs[route] = await medianOf(options.samples, () => reloadOn(page, route, loaded));
  if (loaded.records) await profileSlowPages(page, SIGNED_OUT_PAGES.filter((route) => pageMs[route] > GOAL_MS), loaded, (route) => reloadOn(page, route, loaded));
  // Instructor pages: signed in once (untimed); each reload keeps the session, as the Electron window does.
  host.oneWindow(true);
  await enterInstructorMode(page, E2E_PASSPHRASE);
  let gridHeapMiB = Number.NaN;
  for (const route of INSTRUCTOR_PAGES) {
    pageMs[route] = await medianOf(options.samples, () => reloadOn(page, route, loaded));
    if (route === 'progress') {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      gridHeapMiB = usedSize / 2 ** 20;
    }
  }
  if (loaded.records) await profileSlowPages(page, INSTRUCTOR_PAGES.filter((route) => pageMs[route] > GOAL_MS), loaded, (route) => reloadOn(page, route, loaded));
  // Plain serve (a session per connection): every reload starts without an instructor, who signs in.
  host.oneWindow(false);
  const ready: number[] = [];
  const form: number[] = [];
  for (let s = 0; s < options.samples; s++) {
    const { readyMs, formShownMs } = await reloadSigningIn(page, SIGN_IN_PAGE, loaded);
    ready.push(readyMs);
    form.push(formShownMs);
  }
  await cdp.detach();
  return { pageMs, signInReadyMs: median(ready), signInFormMs: median(form), startMs: median(starts), completeMs: median(completes), gridHeapMiB };
}

/**
 * Cold start of every page in Chromium against the real serve host, on a kiosk holding a classroom's
 * history (default: 100,000 VR sessions over 30 learners, the first with 3,334; 100,000 lesson plays,
 * 100,000 attempt logs in exercise tries, 10,000 SCORM sessions, outbox rows), each against the same page
 * on a kiosk with the same roster and catalog but no records (the baseline, measured in the same run).
 * Every page is a reload of the app on it until it shows its data and a task posted then has run; the
 * instructor pages keep the instructor's session across the reload (startBenchHost), and the class
 * progress page is also timed as reload + sign-in. Also: a session started on the open "My VR sessions"
 * page until its card is on top, and completed until the card says so; and the renderer's JS heap (after
 * a forced GC) once the class progress grid of all 30 learners is shown.
 */
export async function coldStartBench(options: ColdStartBenchOptions): Promise<BenchReport> {
  if (UNMEASURED.length > 0) throw new Error(`cold-start: no readiness check for route(s) ${UNMEASURED.join(', ')} (add them to a page list and READY)`);
  const renderer = await benchRendererDir('outpost-bench-renderer-');
  const summarize = await summarizeScript();
  const browser = await launchChromium();
  const run = async (withRecords: boolean): Promise<PhaseResult & { fillMs: number }> => {
    const host = await startBenchHost(renderer.dir);
    try {
      const { context, page } = await openApp(browser, host.url, {});
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
      const result = await measurePhase(page, host, 'Learner 01', { records: withRecords, packages: 20, learners: options.learners }, options);
      await context.close();
      return { ...result, fillMs };
    } finally {
      await host.stop();
    }
  };
  try {
    const baseline = await run(false);
    const loaded = await run(true);
    const figures: Figure[] = [];
    for (const route of [...LEARNER_PAGES, ...SIGNED_OUT_PAGES, ...INSTRUCTOR_PAGES]) {
      figures.push(figure(`cold_start_${route}`, loaded.pageMs[route], 'ms', { baseline: { name: 'same page, no records', value: baseline.pageMs[route] }, goal: atMost(GOAL_MS) }));
    }
    figures.push(figure(`cold_start_${SIGN_IN_PAGE}_signing_in`, loaded.signInReadyMs, 'ms', { baseline: { name: 'same page, no records', value: baseline.signInReadyMs }, goal: atMost(GOAL_MS) }));
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
        [`${SIGN_IN_PAGE}_sign_in_form_shown_ms`]: Math.round(loaded.signInFormMs),
        [`${SIGN_IN_PAGE}_sign_in_form_shown_ms_baseline`]: Math.round(baseline.signInFormMs),
        samples_per_page: options.samples,
        live_samples: options.liveSamples,
      },
    };
  } finally {
    await browser.close();
    await renderer.cleanup();
  }
}
