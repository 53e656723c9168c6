import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { SideloadManager } from '../../main/services/sideload/sideload-manager';
import type { SideloadRequest } from '../../main/services/sideload/sideload-types';
import { sideloadApk, startCartFixture } from '../support/sideload-fixture';
import type { CartFixture } from '../support/sideload-fixture';

const run = promisify(execFile);
const MIB = 1024 * 1024;

export interface SideloadBenchOptions {
  readonly apkMiB: number;
  readonly fanOut: readonly number[];
  readonly concurrency: number;
}

async function resetHeadsets(fixture: CartFixture, serials: readonly string[]): Promise<void> {
  await Promise.all(
    serials.map(async (serial) => {
      await fixture.bridge.shell(serial, 'pm uninstall org.example.safety');
      await fixture.bridge.shell(serial, 'rm -f /data/local/tmp/*.apk');
    }),
  );
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/**
 * One APK to one emulated headset, ours against the `adb install` CLI on the same adb server and headset
 * (alternating, best of three each); then the same APK to 1, 8 and 24 headsets at once. Figures are
 * ratios against baselines measured in this run, never absolute thresholds.
 */
export async function sideloadBench(options: SideloadBenchOptions): Promise<Record<string, number | string>> {
  const maxHeadsets = Math.max(...options.fanOut);
  const fixture = await startCartFixture(Array.from({ length: maxHeadsets }, (_, i) => ({ model: i % 2 === 0 ? ('Quest 3' as const) : ('Quest 2' as const) })));
  const apk = await sideloadApk({ sizeBytes: options.apkMiB * MIB }, ['quest2', 'quest3']);
  const results: Record<string, number | string> = { apk_MiB: options.apkMiB };
  let job = 0;
  const request = (serial: string): SideloadRequest => {
    job += 1;
    return { jobId: `00000000-0000-4000-8000-${String(job).padStart(12, '0')}`, serial, packageId: 'c0ffee00-0000-4000-8000-000000000003', vrSessionId: null, apk };
  };
  try {
    const manager = new SideloadManager({ bridge: fixture.bridge, now: () => new Date(), onUpdate: () => undefined, concurrency: options.concurrency });
    const one = fixture.cart.headsets[0]!.serial;
    const cli: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < 3; round++) {
      await resetHeadsets(fixture, [one]);
      cli.push((await timed(() => run('adb', ['-P', String(fixture.adb.port), '-s', one, 'install', '-r', '-g', apk.path], { env: fixture.adb.env, maxBuffer: 1 << 20 }))).ms);
      await resetHeadsets(fixture, [one]);
      const { ms, value } = await timed(() => manager.start(request(one)));
      if (value.status !== 'done') throw new Error(`Sideload failed: ${value.error_code} ${value.error_message}`);
      ours.push(ms);
    }
    const bestCli = Math.min(...cli);
    const bestOurs = Math.min(...ours);
    results.adb_install_cli_ms = Math.round(bestCli);
    results.ours_one_headset_ms = Math.round(bestOurs);
    results.ours_vs_adb_install_ratio = Number((bestOurs / bestCli).toFixed(2));

    for (const n of options.fanOut) {
      const serials = fixture.cart.headsets.slice(0, n).map((h) => h.serial);
      await resetHeadsets(fixture, serials);
      const rssBefore = process.memoryUsage().rss;
      const { ms, value } = await timed(() => Promise.all(serials.map((s) => manager.start(request(s)))));
      const failed = value.filter((u) => u.status !== 'done');
      if (failed.length > 0) throw new Error(`${failed.length} of ${n} sideloads failed: ${failed[0]?.error_code}`);
      results[`fan_out_${n}_ms`] = Math.round(ms);
      results[`fan_out_${n}_MiB_per_s`] = Number(((n * options.apkMiB) / (ms / 1000)).toFixed(1));
      // 1.0 would mean N headsets take N times as long as one; lower is better parallelism.
      results[`fan_out_${n}_vs_${n}x_one_ratio`] = Number((ms / (n * bestOurs)).toFixed(2));
      results[`fan_out_${n}_rss_growth_MiB`] = Math.round((process.memoryUsage().rss - rssBefore) / MIB);
    }
  } finally {
    await fixture.stop();
    await apk.cleanup();
    await rm(dirname(apk.path), { recursive: true, force: true });
  }
  return results;
}
