// The sync benchmark runs the renderer's data layer in Node; Dexie reads the global IndexedDB on import.
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { classGridBench } from './class-grid-bench';
import { exercisesBench } from './exercises-bench';
import { lessonPlaysBench } from './lesson-plays-bench';
import { scormBench } from './scorm-bench';
import { sideloadBench } from './sideload-bench';
import { syncBench } from './sync-bench';

/**
 * `npm run bench`: speed and memory targets, each reported as a ratio against a baseline measured in the
 * same run. `--only sideload` (sync, sideload, lesson-plays) runs one; `--quick` shrinks sizes for a smoke run.
 */
const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } } });

const benches: Record<string, () => Promise<Record<string, number | string>>> = {
  sync: () => syncBench(values.quick ? { operations: 2000, concurrency: 8 } : { operations: 10_000, concurrency: 8 }),
  'lesson-plays': () => lessonPlaysBench(values.quick ? { plays: 10_000, pagesPerListing: 10 } : { plays: 100_000, pagesPerListing: 50 }),
  exercises: () => exercisesBench(values.quick ? { attempts: 10_000, samples: 10 } : { attempts: 100_000, samples: 40 }),
  'class-grid': () => classGridBench(values.quick ? { records: 10_000, samples: 10 } : { records: 100_000, samples: 40 }),
  scorm: () => scormBench(values.quick ? { zipMiB: 32, launches: 3 } : { zipMiB: 1024, launches: 9 }),
  sideload: () => sideloadBench(values.quick ? { apkMiB: 8, fanOut: [1, 4], concurrency: 8 } : { apkMiB: 200, fanOut: [1, 8, 24], concurrency: 8 }),
};

for (const [name, bench] of Object.entries(benches)) {
  if (values.only && values.only !== name) continue;
  console.log(`\n## ${name}`);
  const results = await bench();
  for (const [key, value] of Object.entries(results)) console.log(`${key.padEnd(36)} ${value}`);
}
