// The sync benchmark runs the renderer's data layer in Node; Dexie reads the global IndexedDB on import.
import 'fake-indexeddb/auto';
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { castBench } from './cast-bench';
import { SYNC_CONCURRENCY } from '../../renderer/src/sync/sync-engine';
import { classGridBench } from './class-grid-bench';
import { coldStartBench } from './cold-start-bench';
import { exercisesBench } from './exercises-bench';
import { formatTable, toReport } from './figures';
import type { BenchOutcome, BenchReport } from './figures';
import { lessonPlaysBench } from './lesson-plays-bench';
import { localApiBench } from './local-api-bench';
import { scormBench } from './scorm-bench';
import { sideloadBench } from './sideload-bench';
import { syncBench } from './sync-bench';
import { syncChromiumBench } from './sync-chromium-bench';

/**
 * `npm run bench`: every benchmark, each figure an absolute value and a ratio against a baseline measured
 * in the same run. Writes bench-results.json at the repository root and prints one table at the end.
 * `--only sync` (any name below, or several joined by commas) runs some; `--quick` shrinks sizes for a
 * smoke run. What each figure means: docs/benchmarks.md.
 */
const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } } });
const quick = values.quick;

// One line per bench: add yours here (returning a BenchReport from ./figures, or plain key/values).
const benches: Record<string, () => Promise<BenchOutcome>> = {
  sync: () => syncBench(quick ? { operations: 2000, concurrency: SYNC_CONCURRENCY } : { operations: 10_000, concurrency: SYNC_CONCURRENCY }),
  'sync-chromium': () => syncChromiumBench(quick ? { operations: 1000, rttMs: [100], naiveSample: 100 } : { operations: 10_000, rttMs: [20, 100, 300], naiveSample: 150 }),
  'local-api': () => localApiBench(quick ? { scale: 0.1, samples: 20 } : { scale: 1, samples: 100 }),
  'lesson-plays': () => lessonPlaysBench(quick ? { plays: 10_000, pagesPerListing: 10 } : { plays: 100_000, pagesPerListing: 50 }),
  exercises: () => exercisesBench(quick ? { attempts: 10_000, samples: 10 } : { attempts: 100_000, samples: 40 }),
  'class-grid': () => classGridBench(quick ? { records: 10_000, samples: 10 } : { records: 100_000, samples: 40 }),
  scorm: () => scormBench(quick ? { zipMiB: 32, launches: 3 } : { zipMiB: 1024, launches: 9 }),
  sideload: () => sideloadBench(quick ? { apkMiB: 8, fanOut: [1, 4], concurrency: 8 } : { apkMiB: 200, fanOut: [1, 8, 24], concurrency: 8 }),
  cast: () => castBench(quick ? { headsets: 6, seconds: 8 } : { headsets: 24, seconds: 30 }),
  'cold-start': () => coldStartBench(quick ? { sessions: 10_000, learners: 30, lessonPlays: 10_000, tries: 1000, attemptsPerTry: 10, scormSessions: 1000, outbox: 2000, samples: 1, liveSamples: 2 } : { sessions: 100_000, learners: 30, lessonPlays: 100_000, tries: 10_000, attemptsPerTry: 10, scormSessions: 10_000, outbox: 20_000, samples: 5, liveSamples: 5 }),
};

const only = values.only?.split(',').map((name) => name.trim()).filter(Boolean) ?? null;
const unknown = (only ?? []).filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})`);
  process.exit(2);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const results: Array<{ bench: string; ms: number; report: BenchReport | null; error: string | null }> = [];
/** Written after each bench, so a long run stopped half way still leaves what it measured. */
async function writeResults(): Promise<void> {
  const output = {
    generated_at: new Date().toISOString(),
    quick,
    only,
    machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? null, node: process.version, platform: process.platform },
    benches: Object.fromEntries(results.map((r) => [r.bench, { ms: r.ms, error: r.error, figures: r.report?.figures ?? [], info: r.report?.info ?? {} }])),
  };
  await writeFile(resolve(root, 'bench-results.json'), `${JSON.stringify(output, null, 2)}\n`);
}

for (const [name, bench] of Object.entries(benches)) {
  if (only && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  const started = performance.now();
  try {
    const report = toReport(await bench());
    const ms = Math.round(performance.now() - started);
    results.push({ bench: name, ms, report, error: null });
    for (const f of report.figures) console.log(`${f.name.padEnd(44)} ${f.value} ${f.unit}${f.baseline ? `  (baseline ${f.baseline.value}, ratio ${f.ratio})` : ''}${f.met === false ? '  goal NOT met' : ''}`);
    for (const [key, value] of Object.entries(report.info)) console.log(`${key.padEnd(44)} ${value}`);
    console.log(`(${(ms / 1000).toFixed(1)} s)`);
  } catch (error) {
    // One bench failing must not lose the others' figures: it is recorded as failed and the run exits 1.
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`${name} failed: ${message}`);
    results.push({ bench: name, ms: Math.round(performance.now() - started), report: null, error: message });
  }
  await writeResults();
}

console.log(`\n${formatTable(results)}\n\nbench-results.json written (${results.length} benches).`);
const failed = results.filter((r) => r.error !== null).length;
const missed = results.flatMap((r) => r.report?.figures ?? []).filter((f) => f.met === false).length;
if (missed > 0) console.log(`${missed} goal(s) not met.`);
if (failed > 0) process.exitCode = 1;
