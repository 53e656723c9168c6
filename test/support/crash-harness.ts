import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CatalogSeed } from '../reference-server/catalog-seed';
import { seededRandom } from '../reference-server/seeded-random';
import { CHROMIUM_PATH } from './chromium';
import { E2E_PASSPHRASE } from './page-helpers';

/**
 * Real kills for the crash tests (docs/crash-safety.md): the serve host runs as a child process on a fixed
 * data folder, port and token, Chromium as a child process on a persistent profile (so IndexedDB and
 * localStorage are on disk), and either is ended with SIGKILL at a point a seeded PRNG picks.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
const SERVE_CHILD = resolve(HERE, '..', 'crash', 'serve-child.ts');

/** How many kills each scenario makes: a few in `npm test`, many in a soak run (OUTPOST_CRASH_KILLS). */
export function crashKills(fallback: number): number {
  const fromEnv = Number(process.env['OUTPOST_CRASH_KILLS']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

/**
 * A scenario's time limit: a minute to set up plus 45 s per kill (a kill and restart take 8–12 s on the
 * shared 2-core machine), so a soak's many kills are not cut short by the default limit.
 */
export function crashTestTimeout(kills: number): number {
  return 60_000 + kills * 45_000;
}

export interface CrashRandom {
  readonly seed: number;
  /** In [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/**
 * The scenario's PRNG. OUTPOST_CRASH_SEED replays a run; otherwise a fresh seed, printed so a failure in CI
 * can be replayed exactly (the kill points, not the machine's timing, are what the seed fixes).
 */
export function crashRandom(scenario: string): CrashRandom {
  const fromEnv = Number(process.env['OUTPOST_CRASH_SEED']);
  const seed = Number.isInteger(fromEnv) && process.env['OUTPOST_CRASH_SEED'] ? fromEnv >>> 0 : randomBytes(4).readUInt32LE(0);
  console.log(`[crash] ${scenario}: seed ${seed} (replay with OUTPOST_CRASH_SEED=${seed})`);
  const next = seededRandom(seed);
  return {
    seed,
    next,
    between: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * Children this harness started, ended with SIGKILL when the test process exits whatever happened (a
 * timed-out test skips its afterAll's orderly stop): a negative pid is a process group.
 */
const started = new Set<number>();
process.once('exit', () => {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});
function track(pid: number | undefined, group = false): void {
  if (pid) started.add(group ? -pid : pid);
}
function untrack(pid: number | undefined, group = false): void {
  if (pid) started.delete(group ? -pid : pid);
}

/** Resolves when the child has exited (at once if it already has). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Keeps the last few KiB a child wrote, for the error when it does not start. */
function tail(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-4096);
  });
  return () => text;
}

export interface HostProcess {
  readonly pid: number;
  readonly url: string;
  /** SIGKILL: no handler runs, nothing is flushed. */
  kill(): Promise<void>;
  /** SIGTERM, the host's orderly shutdown. */
  stop(): Promise<void>;
}

export interface HostOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly token: string;
  readonly rendererDir: string;
  readonly adbPort?: number;
}

/** The serve host in a process of its own (test/crash/serve-child.ts), resolved once it listens. */
export async function startHostProcess(options: HostOptions): Promise<HostProcess> {
  const args = ['--import', 'tsx', SERVE_CHILD, '--data-dir', options.dataDir, '--port', String(options.port), '--token', options.token, '--renderer-dir', options.rendererDir];
  if (options.adbPort !== undefined) args.push('--adb-port', String(options.adbPort));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  track(child.pid);
  child.once('exit', () => untrack(child.pid));
  const errors = tail(child.stderr);
  const line = await new Promise<string>((resolveLine, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start in 60 s: ${errors()}`)), 60_000);
    createInterface({ input: child.stdout }).once('line', (text) => {
      clearTimeout(timer);
      resolveLine(text);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code ?? signal}) before listening: ${errors()}`));
    });
  });
  const { url } = JSON.parse(line) as { url: string };
  const pid = child.pid ?? 0;
  return {
    pid,
    url,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

export interface BrowserProcess {
  readonly pid: number;
  readonly browser: Browser;
  /** The profile's own context: its storage is the user-data-dir on disk. */
  readonly context: BrowserContext;
  /** SIGKILL to Chromium's whole process group (browser, renderers, utilities). */
  kill(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium on a persistent profile, started by us (so its pid is ours to kill) and driven over
 * CDP. Playwright's launchPersistentContext would hide the pid; a kill must be a real one.
 */
export async function startBrowserProcess(userDataDir: string): Promise<BrowserProcess> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  await mkdir(userDataDir, { recursive: true });
  const child = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-breakpad',
      '--disable-crash-reporter',
      '--lang=en-US',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    // Its own process group, so one kill reaches every Chromium process and nothing else.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } },
  );
  track(child.pid, true);
  child.once('exit', () => untrack(child.pid, true));
  const errors = tail(child.stderr);
  const endpoint = await new Promise<string>((resolveEndpoint, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port in 30 s: ${errors()}`)), 30_000);
    createInterface({ input: child.stderr! }).on('line', (text) => {
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolveEndpoint(match[1]);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code ?? signal}): ${errors()}`));
    });
  });
  const pid = child.pid ?? 0;
  const killGroup = async () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited(child);
  };
  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(endpoint);
  } catch (error) {
    await killGroup();
    throw error;
  }
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  return {
    pid,
    browser,
    context,
    kill: killGroup,
    async close() {
      await browser.close().catch(() => undefined);
      await killGroup();
    },
  };
}

export interface CrashRigOptions {
  readonly rendererDir: string;
  readonly adbPort?: number;
}

export type KillTarget = 'host' | 'browser' | 'both';

/**
 * One kiosk that can be killed and brought back: a host process on a fixed data folder, port and token,
 * and a Chromium on a fixed profile. `page` is the app's current tab; after `kill` + `restart` it is a new
 * tab on the restarted app (sessionStorage, and with it a learner's sign-in, starts empty, as after a
 * real restart).
 */
export class CrashRig {
  readonly dir: string;
  readonly port: number;
  readonly token = randomBytes(32).toString('hex');
  host: HostProcess | null = null;
  browserProcess: BrowserProcess | null = null;
  #page: Page | null = null;
  /** Uncaught page errors, across restarts. */
  readonly pageErrors: string[] = [];

  private constructor(
    private readonly options: CrashRigOptions,
    dir: string,
    port: number,
  ) {
    this.dir = dir;
    this.port = port;
  }

  static async create(options: CrashRigOptions): Promise<CrashRig> {
    const dir = await mkdtemp(join(tmpdir(), 'outpost-crash-'));
    return new CrashRig(options, dir, await freePort());
  }

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  get page(): Page {
    if (!this.#page) throw new Error('CrashRig: the app is not open');
    return this.#page;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/#token=${this.token}`;
  }

  async startHost(): Promise<void> {
    this.host = await startHostProcess({
      dataDir: this.dataDir,
      port: this.port,
      token: this.token,
      rendererDir: this.options.rendererDir,
      ...(this.options.adbPort !== undefined ? { adbPort: this.options.adbPort } : {}),
    });
  }

  async startBrowser(): Promise<void> {
    this.browserProcess = await startBrowserProcess(join(this.dir, 'profile'));
  }

  /** Host and browser, then a tab on the app (first run: the instructor passphrase is set). */
  async start(): Promise<Page> {
    await Promise.all([this.startHost(), this.startBrowser()]);
    const page = await this.openPage();
    await page.getByRole('heading', { name: 'Set up this kiosk' }).waitFor();
    await page.getByLabel('New passphrase').fill(E2E_PASSPHRASE);
    await page.getByLabel('Repeat the passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByTestId('instructor-mode').waitFor();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    return page;
  }

  /** A new tab on the app; the previous one (if the browser survived) is closed first. */
  async openPage(): Promise<Page> {
    const browser = this.browserProcess;
    if (!browser) throw new Error('CrashRig: no browser');
    await this.#page?.close().catch(() => undefined);
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    await page.goto(this.url);
    this.#page = page;
    return page;
  }

  /** SIGKILL to the host, the browser or both, at once. */
  async kill(target: KillTarget): Promise<void> {
    const kills: Array<Promise<void>> = [];
    if (target !== 'browser' && this.host) kills.push(this.host.kill());
    if (target !== 'host' && this.browserProcess) {
      kills.push(this.browserProcess.kill());
      this.#page = null;
    }
    await Promise.all(kills);
    if (target !== 'browser') this.host = null;
    if (target !== 'host') this.browserProcess = null;
  }

  /** Starts whatever was killed and opens the app again (Overview, nobody signed in but main's state). */
  async restart(): Promise<Page> {
    await Promise.all([this.host ? null : this.startHost(), this.browserProcess ? null : this.startBrowser()]);
    const page = await this.openPage();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    return page;
  }

  async stop(): Promise<void> {
    await this.browserProcess?.close();
    await this.host?.stop();
    this.browserProcess = null;
    this.host = null;
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Waits `ms`, then kills: the random point a scenario picked, measured from when its operation began. */
export async function killAfter(rig: CrashRig, ms: number, target: KillTarget): Promise<void> {
  await new Promise((done) => setTimeout(done, ms));
  await rig.kill(target);
}

const REFERENCE_CHILD = resolve(HERE, '..', 'crash', 'reference-child.ts');

export interface ReferenceChild {
  readonly url: string;
  readonly port: number;
  readonly deviceToken: string;
  /** SIGTERM; resolves with what its relay counted (null if it did not say). */
  stop(): Promise<{ requests: number; replayed: number } | null>;
}

/**
 * The reference server in its own process (test/crash/reference-child.ts) on `dataDir`, serving `seed`'s
 * catalog; every request waits `slowMs` before the server handles it and its answer `answerDelayMs` after
 * the server wrote it. Restarting it on the same port and folder keeps its data and tokens; a different
 * seed is a different catalog.
 */
export async function startReferenceChild(dataDir: string, seed: CatalogSeed, options: { port?: number; slowMs?: number; answerDelayMs?: number } = {}): Promise<ReferenceChild> {
  const seedFile = `${dataDir}.seed.json`;
  await writeFile(seedFile, JSON.stringify(seed));
  const child = spawn(process.execPath, ['--import', 'tsx', REFERENCE_CHILD, '--data-dir', dataDir, '--seed-file', seedFile, '--port', String(options.port ?? 0), '--slow-ms', String(options.slowMs ?? 0), '--answer-delay-ms', String(options.answerDelayMs ?? 0)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child.pid);
  child.once('exit', () => untrack(child.pid));
  const errors = tail(child.stderr);
  const lines = createInterface({ input: child.stdout });
  const line = await new Promise<string>((resolveLine, reject) => {
    lines.once('line', resolveLine);
    child.once('exit', (code, signal) => reject(new Error(`the reference server exited (${code ?? signal}): ${errors()}`)));
  });
  const started = JSON.parse(line) as { url: string; port: number; device_token: string };
  let counts: { requests: number; replayed: number } | null = null;
  lines.on('line', (text) => {
    counts = JSON.parse(text) as { requests: number; replayed: number };
  });
  return {
    url: started.url,
    port: started.port,
    deviceToken: started.device_token,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
      return counts;
    },
  };
}
