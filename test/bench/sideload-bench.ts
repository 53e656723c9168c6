import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { InstallMethod } from '../../main/services/sideload/run-sideload';
import { atLeast, figure } from './figures';
import type { BenchReport, Figure } from './figures';
import { SideloadManager } from '../../main/services/sideload/sideload-manager';
import type { SideloadRequest } from '../../main/services/sideload/sideload-types';
import { LINK_PROFILES, SharedLink, scaledProfile } from '../fakes/quest-adbd';
import type { InstallTiming, LinkProfile, LinkProfileName } from '../fakes/quest-adbd';
import { sideloadApk, startCartFixture } from '../support/sideload-fixture';
import type { CartFixture } from '../support/sideload-fixture';

const run = promisify(execFile);
const MIB = 1024 * 1024;
/**
 * Every link rate is divided by this, so the emulation itself (headsets, adb server and client all on
 * this machine's cores) stays well below the links it models; ratios do not depend on it.
 */
const RATE_SCALE = 10;
/** pm on a Quest: about a second, plus verification and extraction at ~40 MB/s (real time, not scaled). */
const INSTALL_TIMING: InstallTiming = { fixedMs: 1000, bytesPerSecond: 40_000_000 };
const PROFILES: readonly LinkProfileName[] = ['usb2', 'usb3', 'wifi5', 'wifi6'];

export interface SideloadBenchOptions {
  readonly apkMiB: number;
  readonly fanOut: readonly number[];
  readonly concurrency: number;
}

async function resetHeadsets(fixture: CartFixture, serials: readonly string[]): Promise<void> {
  await Promise.all(serials.map((serial) => fixture.bridge.shell(serial, 'pm uninstall org.example.safety; rm -f /data/local/tmp/*.apk')));
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function applyLinks(fixture: CartFixture, profile: LinkProfile): SharedLink {
  const shared = new SharedLink(profile.sharedBytesPerSecond);
  for (const h of fixture.cart.headsets) {
    h.faults.throttleBytesPerSecond = profile.perHeadsetBytesPerSecond;
    h.faults.sharedLink = shared;
    h.faults.installTiming = INSTALL_TIMING;
  }
  return shared;
}

/**
 * Sideloading measured against `adb install` on the same emulated headsets, with links modelled (each
 * headset's own link, the cart's shared access point or hub, pm's install time):
 * - one headset: `adb install` vs ours, streamed and pushed (best of three each, alternating);
 * - the whole cart per link profile: sequential `adb install` to every headset vs our parallel install,
 *   and ours as a fraction of the shared link's limit (total bytes / shared rate + one install).
 * Figures are ratios of times measured in this run, never absolute thresholds.
 */
export async function sideloadBench(options: SideloadBenchOptions): Promise<BenchReport> {
  const quick = options.apkMiB <= 16;
  const cartSize = Math.max(...options.fanOut);
  const oneMiB = Math.min(options.apkMiB, 64);
  const cartMiB = quick ? 2 : 8;
  const fixture = await startCartFixture(Array.from({ length: cartSize }, (_, i) => ({ model: i % 2 === 0 ? ('Quest 3' as const) : ('Quest 2' as const) })));
  const results: Record<string, number | string> = { rate_scale: RATE_SCALE, headsets: cartSize, one_headset_apk_MiB: oneMiB, cart_apk_MiB: cartMiB };
  const figures: Figure[] = [];
  const apks = [await sideloadApk({ sizeBytes: oneMiB * MIB }, ['quest2', 'quest3'])];
  let job = 0;
  const request = (serial: string, apk: (typeof apks)[number]): SideloadRequest => {
    job += 1;
    return { jobId: `00000000-0000-4000-8000-${String(job).padStart(12, '0')}`, serial, packageId: 'c0ffee00-0000-4000-8000-000000000003', vrSessionId: null, apk };
  };
  const managers: Record<InstallMethod, SideloadManager> = {
    stream: new SideloadManager({ bridge: fixture.bridge, now: () => new Date(), onUpdate: () => undefined, concurrency: options.concurrency, installMethod: 'stream' }),
    push: new SideloadManager({ bridge: fixture.bridge, now: () => new Date(), onUpdate: () => undefined, concurrency: options.concurrency, installMethod: 'push' }),
  };
  const adbInstall = (serial: string, path: string) => run('adb', ['-P', String(fixture.adb.port), '-s', serial, 'install', '-r', '-g', path], { env: fixture.adb.env, maxBuffer: 1 << 20 });
  const ours = async (method: InstallMethod, serials: readonly string[], apk: (typeof apks)[number]) => {
    const updates = await Promise.all(serials.map((s) => managers[method].start(request(s, apk))));
    const failed = updates.filter((u) => u.status !== 'done');
    if (failed.length > 0) throw new Error(`${failed.length} of ${serials.length} sideloads (${method}) failed: ${failed[0]?.error_code} ${failed[0]?.error_message}`);
  };
  try {
    // One headset on a USB 3 link of its own: is ours as fast as `adb install`?
    const one = fixture.cart.headsets[0]!.serial;
    applyLinks(fixture, scaledProfile(LINK_PROFILES.usb3, RATE_SCALE));
    const best: Record<'cli' | InstallMethod, number> = { cli: Infinity, stream: Infinity, push: Infinity };
    for (let round = 0; round < 3; round++) {
      await resetHeadsets(fixture, [one]);
      best.cli = Math.min(best.cli, (await timed(() => adbInstall(one, apks[0]!.path))).ms);
      for (const method of ['stream', 'push'] as const) {
        await resetHeadsets(fixture, [one]);
        best[method] = Math.min(best[method], (await timed(() => ours(method, [one], apks[0]!))).ms);
      }
    }
    results.one_adb_install_ms = Math.round(best.cli);
    // Throughput relative to `adb install` (1.0 = the same; the goal is >= 0.95).
    const oneMb = (oneMiB * MIB) / 1e6;
    for (const method of ['stream', 'push'] as const) {
      figures.push(figure(`one headset (usb3), ${method}: throughput`, oneMb / (best[method] / 1000), 'MB/s', { baseline: { name: 'adb install', value: oneMb / (best.cli / 1000) }, goal: atLeast(0.95, 'ratio') }));
    }

    const cartApk = await sideloadApk({ sizeBytes: cartMiB * MIB }, ['quest2', 'quest3']);
    apks.push(cartApk);
    const serials = fixture.cart.headsets.map((h) => h.serial);
    for (const name of PROFILES) {
      const profile = scaledProfile(LINK_PROFILES[name], RATE_SCALE);
      applyLinks(fixture, profile);
      const limitMs = ((serials.length * cartApk.size_bytes) / profile.sharedBytesPerSecond) * 1000 + INSTALL_TIMING.fixedMs + (cartApk.size_bytes / INSTALL_TIMING.bytesPerSecond) * 1000;
      await resetHeadsets(fixture, serials);
      const sequential = await timed(async () => {
        for (const serial of serials) await adbInstall(serial, cartApk.path);
      });
      const measured: Partial<Record<InstallMethod, number>> = {};
      for (const method of ['stream', 'push'] as const) {
        await resetHeadsets(fixture, serials);
        applyLinks(fixture, profile);
        measured[method] = (await timed(() => ours(method, serials, cartApk))).ms;
      }
      results[`${name}_limit_ms`] = Math.round(limitMs);
      for (const method of ['stream', 'push'] as const) {
        const ms = measured[method]!;
        // Time for the whole cart against installing one headset after another with `adb install`
        // (ratio below 1 is faster), and the shared link's limit as a fraction of ours (1.0 = at the limit).
        figures.push(figure(`cart of ${serials.length} (${name}), ${method}: time`, ms, 'ms', { baseline: { name: 'sequential adb install', value: sequential.ms } }));
        results[`${name}_${method}_fraction_of_limit`] = Number((limitMs / ms).toFixed(2));
      }
    }
  } finally {
    await fixture.stop();
    for (const apk of apks) await apk.cleanup();
  }
  return { figures, info: results };
}
