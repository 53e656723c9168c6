import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { figure } from './figures';
import type { BenchReport } from './figures';
import { ScormImporter } from '../../main/services/scorm/scorm-importer';
import { launchChromium } from '../support/chromium';
import { RENDERER_DIR } from '../support/e2e-app';
import { openApp } from '../support/page-helpers';
import { MULTI_SCO_12_MANIFEST, multiSco12Zip } from '../support/scorm-packages';
import { PROBE_SCO_HTML, PROBE_SCO_JS } from '../support/scorm-probe-sco';
import { startServeFixture } from '../support/serve-fixture';
import { openCourse, prepareLearner } from '../e2e/scorm-helpers';

const MIB = 1024 * 1024;

export interface ScormBenchOptions {
  readonly zipMiB: number;
  readonly launches: number;
}

/** A course of `mib` MiB: media-like random files (stored as is) and text pages (deflated about 2:1). */
async function buildCourseZip(file: string, mib: number): Promise<void> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(MULTI_SCO_12_MANIFEST), 'imsmanifest.xml');
  zip.addBuffer(Buffer.from(PROBE_SCO_HTML), 'sco/probe.html');
  zip.addBuffer(Buffer.from(PROBE_SCO_JS), 'sco/probe.js');
  const chunk = 4 * MIB;
  for (let i = 0; i * chunk < mib * MIB; i += 1) {
    if (i % 4 === 3) zip.addBuffer(Buffer.from(randomBytes(chunk / 2).toString('hex')), `pages/page-${i}.html`);
    else zip.addBuffer(randomBytes(chunk), `media/clip-${i}.mp4`, { compress: false });
  }
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(file)).on('close', resolve).on('error', reject));
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Peak RSS growth while `work` runs, sampled every 20 ms. */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ mib: number; value: T }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const value = await work();
    return { mib: (peak - base) / MIB, value };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Runs a command to its end and reports its peak resident memory: VmHWM from /proc, read every 20 ms
 * while it runs (the high-water mark only grows, so the last reading before it exits is its peak so far).
 */
async function runWithPeakRss(command: string, args: readonly string[]): Promise<{ ms: number; mib: number }> {
  const start = process.hrtime.bigint();
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let peakKiB = 0;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const sample = async () => {
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
    const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peakKiB = Math.max(peakKiB, kib);
  };
  const timer = setInterval(() => void sample(), 20);
  try {
    const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
    if (code !== 0) throw new Error(`${command} exited ${code}: ${stderr}`);
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, mib: peakKiB / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Import throughput against `unzip` of the same file (the baseline, same run, same disk), the memory the
 * import needs while streaming, and the time from pressing Start to the first SCO calling Initialize
 * against loading the same SCO page directly in a tab.
 */
export async function scormBench(options: ScormBenchOptions): Promise<BenchReport> {
  const dir = await mkdtemp(join(tmpdir(), 'scorm-bench-'));
  try {
    const zipFile = join(dir, 'course.zip');
    await buildCourseZip(zipFile, options.zipMiB);
    const size = (await stat(zipFile)).size;
    const unzip = await runWithPeakRss('unzip', ['-q', zipFile, '-d', join(dir, 'plain')]);
    const importer = new ScormImporter(join(dir, 'courses'));
    const imported = await peakRssGrowth(() => timed(() => importer.import(createReadStream(zipFile))));

    const browser = await launchChromium();
    const fixture = await startServeFixture(RENDERER_DIR);
    const launchMs: number[] = [];
    const directMs: number[] = [];
    try {
      const { page, context } = await openApp(browser, fixture.host.url);
      await prepareLearner(page, [['bench.zip', await multiSco12Zip()]]);
      for (let i = 0; i < options.launches; i += 1) {
        const start = Date.now();
        const sco = await openCourse(page, 'Multi-SCO 1.2');
        await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
        launchMs.push(Date.now() - start);
        const url = page.frames().find((f) => f.url().includes('/content/'))?.url() ?? '';
        await page.getByTestId('scorm-exit').click();
        await page.getByTestId('scorm-player').waitFor({ state: 'detached' });
        const direct = await context.newPage();
        const t0 = Date.now();
        await direct.goto(url);
        await direct.locator('#name').waitFor();
        directMs.push(Date.now() - t0);
        await direct.close();
      }
    } finally {
      await browser.close();
      await fixture.stop();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const mib = size / MIB;
    return {
      figures: [
        figure('import throughput', mib / (imported.value.ms / 1000), 'MiB/s', { baseline: { name: 'unzip of the same file', value: mib / (unzip.ms / 1000) } }),
        figure('import time', imported.value.ms, 'ms', { baseline: { name: 'unzip', value: unzip.ms } }),
        figure('import peak RSS growth', imported.mib, 'MiB', { baseline: { name: "unzip's peak RSS, whole process", value: unzip.mib } }),
        figure('launch to first SCO Initialize (median)', median(launchMs), 'ms', { baseline: { name: 'direct load of the SCO page', value: Math.max(1, median(directMs)) } }),
      ],
      info: { zip_MiB: Number(mib.toFixed(0)), launches: options.launches },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
