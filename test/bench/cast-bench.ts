import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startPrivateAdbServer } from '../fakes/quest-adbd';
import { headsetTag } from '../fakes/quest-adbd/h264-test-pattern';
import { launchChromium } from '../support/chromium';
import { navLink, openApp } from '../support/page-helpers';
import { startServeFixture } from '../support/serve-fixture';
import { benchRendererDir } from './bench-renderer';
import { atLeast, atMost, figure, quantile } from './figures';
import type { BenchReport, Figure } from './figures';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Issue 16's benchmark: N emulated headsets cast to the wall in Debian's Chromium through the real serve
// host, main and adb server. Each tile's counter is read from its canvas after every picture drawn; the
// emulated headsets (in their own process, so their encoding is not kiosk CPU) say when they sent each
// counter. Figures: pictures drawn per second per tile, counter latency (sent → drawn), kiosk CPU (main,
// Chromium, adb server) and memory, for the cart against one headset measured in the same run.

export interface CastBenchOptions {
  /** The cart size; the baseline is one headset. */
  readonly headsets: number;
  /** Measuring window per run, after the tiles are live and a warm-up. */
  readonly seconds: number;
}

interface CartChild {
  readonly child: ChildProcess;
  readonly headsets: ReadonlyArray<{ serial: string; serialNumber: string }>;
  sentAt(): Promise<Map<string, Map<number, number>>>;
  stop(): Promise<void>;
}

function startCart(count: number): Promise<CartChild> {
  const child = fork(join(ROOT, 'test', 'bench', 'cast-bench-cart.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(key: string) =>
    new Promise<T>((done, fail) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (!(key in message)) return;
        child.off('message', onMessage);
        done(message[key] as T);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => fail(new Error(`cast bench cart exited (${code})`)));
    });
  const ready = next<Array<{ serial: string; serialNumber: string }>>('headsets');
  child.send({ count });
  return ready.then((headsets) => ({
    child,
    headsets,
    async sentAt() {
      const answer = next<Array<{ serial: string; entries: Array<[number, number]> }>>('sentAt');
      child.send({ sentAt: true });
      return new Map((await answer).map((h) => [h.serial, new Map(h.entries)]));
    },
    async stop() {
      const exited = new Promise((done) => child.once('exit', done));
      child.send({ stop: true });
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
      child.kill();
    },
  }));
}


// ---- /proc accounting (Linux) -------------------------------------------------------------------------

const TICKS = 100; // USER_HZ on Linux

interface ProcInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly cpuTicks: number;
}

function readProcs(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { pid: Number(name), ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  return procs;
}

function descendants(procs: Map<number, ProcInfo>, root: number, exclude: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  const walk = (pid: number) => {
    for (const p of procs.values()) {
      if (p.ppid === pid && !exclude.has(p.pid) && !out.has(p.pid)) {
        out.add(p.pid);
        walk(p.pid);
      }
    }
  };
  walk(root);
  return out;
}

function adbServerPids(port: number): Set<number> {
  const pids = new Set<number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ');
      // A daemonised server (`adb fork-server server`) or our tests' own foreground child (`adb nodaemon server`).
      if ((cmdline.includes('fork-server') || cmdline.includes('nodaemon')) && cmdline.includes(String(port))) pids.add(Number(name));
    } catch {
      // gone
    }
  }
  return pids;
}

/** Proportional set size (shared pages split between their users), MiB; RSS where smaps_rollup is missing. */
function memoryMiB(pids: Iterable<number>): number {
  let kib = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kib += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      try {
        kib += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      } catch {
        // gone
      }
    }
  }
  return kib / 1024;
}

function ticksOf(procs: Map<number, ProcInfo>, pids: Iterable<number>): number {
  let total = 0;
  for (const pid of pids) total += procs.get(pid)?.cpuTicks ?? 0;
  return total;
}

// ---- one run ------------------------------------------------------------------------------------------

interface RunResult {
  readonly headsets: number;
  readonly fpsPerTileMedian: number;
  readonly fpsPerTileMin: number;
  /** What the emulated headsets managed to send (the ceiling for what the wall can draw). */
  readonly sentFpsMedian: number;
  readonly latencyMedianMs: number;
  readonly latencyP95Ms: number;
  readonly wrongTiles: number;
  readonly mainCpuPercent: number;
  readonly chromiumCpuPercent: number;
  readonly adbCpuPercent: number;
  readonly mainRssMiB: number;
  readonly chromiumPssMiB: number;
  readonly videoMbitPerSecond: number;
}

interface DrawnRecord {
  serial: string;
  counter: number;
  tag: number;
  at: number;
}

async function installReaders(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { castDrawn?: DrawnRecord[] };
    w.castDrawn = [];
    const scratch = new OffscreenCanvas(160, 96);
    const context = scratch.getContext('2d', { willReadFrequently: true });
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas.cast-canvas')) {
      canvas.addEventListener('cast-frame', () => {
        if (!context || canvas.width < 160 || canvas.height < 96) return;
        const at = performance.timeOrigin + performance.now();
        context.drawImage(canvas, 0, 0);
        const data = context.getImageData(0, 0, 160, 96).data;
        let value = 0;
        for (let bit = 0; bit < 32; bit++) {
          const i = ((16 + Math.floor(bit / 8) * 16 + 8) * 160 + 16 + (bit % 8) * 16 + 8) * 4;
          if (((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3 >= 128) value |= 1 << bit;
        }
        w.castDrawn?.push({ serial: canvas.dataset['serial'] ?? '', counter: value & 0xffffff, tag: (value >>> 24) & 0xff, at });
      });
    }
  });
}

async function castRun(count: number, seconds: number, renderer: string): Promise<RunResult> {
  const cart = await startCart(count);
  const adb = await startPrivateAdbServer();
  const fixture = await startServeFixture(renderer, { adbPort: adb.port });
  const browser = await launchChromium();
  try {
    await Promise.all(cart.headsets.map((h) => adb.connect(h.serial)));
    await fixture.services.startHeadsets();
    const { page } = await openApp(browser, fixture.host.url);
    page.setDefaultTimeout(120_000);
    await navLink(page, 'Headsets').click();
    await page.waitForFunction((n) => document.querySelectorAll('article').length >= n, count, { timeout: 120_000 });
    await navLink(page, 'Headset screens').click();
    await page.getByRole('button', { name: count === 1 ? 'Show 1 ready headset' : `Show all ${count} ready headsets` }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.cast-tile[data-state="live"]').length >= n, count, { timeout: 120_000 });
    await installReaders(page);
    await page.waitForTimeout(3000); // warm-up: every tile past its first key frame

    const exclude = new Set([cart.child.pid ?? -1]);
    const before = readProcs();
    const chromiumBefore = descendants(before, process.pid, exclude);
    const adbPids = adbServerPids(adb.port);
    const cpuBefore = process.cpuUsage();
    const bytesBefore = fixture.services.cast.stats().bytesPulled;
    const startedAt = Date.now();
    await page.evaluate(() => {
      (window as unknown as { castDrawn: unknown[] }).castDrawn = [];
    });
    await page.waitForTimeout(seconds * 1000);
    const drawn = await page.evaluate(() => (window as unknown as { castDrawn: DrawnRecord[] }).castDrawn);
    const wallSeconds = (Date.now() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const after = readProcs();
    const chromiumAfter = descendants(after, process.pid, exclude);
    const bytes = fixture.services.cast.stats().bytesPulled - bytesBefore;
    const chromiumTicks = ticksOf(after, chromiumAfter) - ticksOf(before, [...chromiumAfter].filter((pid) => chromiumBefore.has(pid)));
    const adbTicks = ticksOf(after, adbPids) - ticksOf(before, adbPids);
    const mainRssMiB = process.memoryUsage().rss / 2 ** 20;
    const chromiumPssMiB = memoryMiB(chromiumAfter);

    const sentAt = await cart.sentAt();
    const tagOf = new Map(cart.headsets.map((h) => [h.serial, headsetTag(h.serialNumber)]));
    const perTile = new Map<string, number>();
    const latencies: number[] = [];
    let wrongTiles = 0;
    const wrong = new Set<string>();
    for (const record of drawn) {
      perTile.set(record.serial, (perTile.get(record.serial) ?? 0) + 1);
      const sent = sentAt.get(record.serial)?.get(record.counter);
      if (sent === undefined || record.tag !== tagOf.get(record.serial)) {
        wrong.add(record.serial);
        continue;
      }
      latencies.push(record.at - sent);
    }
    wrongTiles = wrong.size;
    const fps = cart.headsets.map((h) => (perTile.get(h.serial) ?? 0) / wallSeconds);
    const endedAt = startedAt + wallSeconds * 1000;
    const sentFps = cart.headsets.map((h) => [...(sentAt.get(h.serial)?.values() ?? [])].filter((t) => t >= startedAt && t <= endedAt).length / wallSeconds);
    return {
      headsets: count,
      fpsPerTileMedian: quantile(fps, 0.5),
      fpsPerTileMin: Math.min(...fps),
      sentFpsMedian: quantile(sentFps, 0.5),
      latencyMedianMs: quantile(latencies, 0.5),
      latencyP95Ms: quantile(latencies, 0.95),
      wrongTiles,
      mainCpuPercent: ((cpu.user + cpu.system) / 1e6 / wallSeconds) * 100,
      chromiumCpuPercent: (chromiumTicks / TICKS / wallSeconds) * 100,
      adbCpuPercent: (adbTicks / TICKS / wallSeconds) * 100,
      mainRssMiB,
      chromiumPssMiB,
      videoMbitPerSecond: (bytes * 8) / 1e6 / wallSeconds,
    };
  } finally {
    fixture.services.cast.stop();
    await browser.close();
    await fixture.stop();
    await adb.stop();
    await cart.stop();
  }
}

export async function castBench(options: CastBenchOptions): Promise<BenchReport> {
  const renderer = await benchRendererDir('outpost-cast-bench-renderer-');
  try {
    const one = await castRun(1, options.seconds, renderer.dir);
    const cart = await castRun(options.headsets, options.seconds, renderer.dir);
    const base = (name: string, value: number) => ({ name: `1 headset: ${name}`, value });
    const kioskCpu = (r: RunResult) => r.mainCpuPercent + r.chromiumCpuPercent + r.adbCpuPercent;
    const figures: Figure[] = [
      // The wall asks for 5 frames a second. What the emulated headsets manage to send bounds what can be
      // drawn (they share the machine); the kiosk's own figure of merit is how much of it reaches a tile.
      figure(`pictures drawn per tile per second, median (${options.headsets} headsets)`, cart.fpsPerTileMedian, 'fps', { baseline: base('fps', one.fpsPerTileMedian) }),
      figure(`pictures drawn per second, slowest tile (${options.headsets} headsets)`, cart.fpsPerTileMin, 'fps', { baseline: base('fps', one.fpsPerTileMin) }),
      figure(`share of sent pictures drawn (${options.headsets} headsets)`, cart.sentFpsMedian > 0 ? cart.fpsPerTileMedian / cart.sentFpsMedian : 0, 'ratio', {
        baseline: base('share drawn', one.sentFpsMedian > 0 ? one.fpsPerTileMedian / one.sentFpsMedian : 0),
        goal: atLeast(0.9),
      }),
      figure(`pictures sent per headset per second, median (${options.headsets} headsets)`, cart.sentFpsMedian, 'fps', { baseline: base('sent fps', one.sentFpsMedian) }),
      figure(`counter latency sent → drawn, median (${options.headsets} headsets)`, cart.latencyMedianMs, 'ms', { baseline: base('latency', one.latencyMedianMs), goal: atMost(500) }),
      figure(`counter latency sent → drawn, p95 (${options.headsets} headsets)`, cart.latencyP95Ms, 'ms', { baseline: base('latency p95', one.latencyP95Ms), goal: atMost(1000) }),
      figure('tiles showing another headset or unknown frames', cart.wrongTiles, 'tiles', { goal: atMost(0) }),
      // Share of ONE core; the kiosk has two.
      figure(`kiosk CPU: main + Chromium + adb (${options.headsets} headsets)`, kioskCpu(cart), '% of a core', { baseline: base('kiosk CPU', kioskCpu(one)), goal: atMost(120) }),
      figure(`main process CPU (${options.headsets} headsets)`, cart.mainCpuPercent, '% of a core', { baseline: base('main CPU', one.mainCpuPercent) }),
      figure(`Chromium CPU, all processes (${options.headsets} headsets)`, cart.chromiumCpuPercent, '% of a core', { baseline: base('Chromium CPU', one.chromiumCpuPercent) }),
      figure(`adb server CPU (${options.headsets} headsets)`, cart.adbCpuPercent, '% of a core', { baseline: base('adb CPU', one.adbCpuPercent) }),
      figure(`main RSS (${options.headsets} headsets)`, cart.mainRssMiB, 'MiB', { baseline: base('main RSS', one.mainRssMiB) }),
      figure(`Chromium PSS, all processes (${options.headsets} headsets)`, cart.chromiumPssMiB, 'MiB', { baseline: base('Chromium PSS', one.chromiumPssMiB) }),
      figure(`video main → wall (${options.headsets} headsets)`, cart.videoMbitPerSecond, 'Mbit/s', { baseline: base('video', one.videoMbitPerSecond) }),
    ];
    return {
      figures,
      info: {
        headsets: options.headsets,
        'measuring window (s)': options.seconds,
        'wall quality': '320 px longest side, 5 fps, 200 kbit/s target, key frame every 2 s, one eye',
        'emulated stream': 'I_PCM key frames (~150 KB), skip-coded deltas (~3-6 KB): heavier key frames than a real encoder at 200 kbit/s',
        'emulator CPU': 'in its own process, not counted',
      },
    };
  } finally {
    await renderer.cleanup();
  }
}
