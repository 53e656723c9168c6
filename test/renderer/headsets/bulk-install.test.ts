import { describe, expect, it } from 'vitest';
import type { SideloadJobSpec } from '../../../shared/headsets/sideload-contract';
import { ok, fail } from '../../../shared/ipc/result';
import type { Result } from '../../../shared/ipc/result';
import { installOnAll } from '../../../renderer/src/headsets/bulk-install';
import type { InstallChannels } from '../../../renderer/src/headsets/bulk-install';
import { APK_SHA, headsetRow, importedPackage, sequentialIds } from './headset-fixtures';

/** main as far as an install needs it: a package store holding `stored`, and a sideload service that accepts. */
function fakeMain(stored: string[], startReply?: Result<{ accepted: string[] }>) {
  const started: SideloadJobSpec[][] = [];
  const ipc = {
    async invoke(channel: string, payload: unknown) {
      if (channel === 'packages:stored') return ok({ stored: (payload as { sha256: string[] }).sha256.filter((s) => stored.includes(s)) });
      const jobs = (payload as { jobs: SideloadJobSpec[] }).jobs;
      started.push(jobs);
      return startReply ?? ok({ accepted: jobs.map((j) => j.job_id) });
    },
  } as InstallChannels;
  return { ipc, started };
}

const cart = [headsetRow('q3', 'device'), headsetRow('q2', 'device', 'Quest 2'), headsetRow('q3s', 'unauthorized', 'Quest 3S')];

describe('installOnAll', () => {
  it('starts one job per connected headset and names the ones left out', async () => {
    const main = fakeMain([APK_SHA]);
    const outcome = await installOnAll(main.ipc, importedPackage, cart, { q3: null }, sequentialIds());
    // The job ids come back so the page can sum up the cart once they finish.
    expect(outcome).toEqual({ kind: 'started', count: 2, skipped: [cart[2]], jobIds: main.started[0]!.map((job) => job.job_id) });
    expect(main.started.map((jobs) => jobs.map((j) => j.serial))).toEqual([['q3', 'q2']]);
  });

  it('refuses before asking main to install when this kiosk does not hold the APK', async () => {
    const main = fakeMain([]);
    expect(await installOnAll(main.ipc, importedPackage, cart, {}, sequentialIds())).toEqual({ kind: 'apkMissing' });
    expect(main.started).toEqual([]);
  });

  it('refuses a package added by hand, and reports main’s refusal in its words', async () => {
    const { apk_sha256: _sha, ...byHand } = importedPackage;
    expect(await installOnAll(fakeMain([APK_SHA]).ipc, byHand, cart, {}, sequentialIds())).toEqual({ kind: 'noApk' });
    const refusing = fakeMain([APK_SHA], fail('UNAVAILABLE', 'The connection to Outpost was lost'));
    expect(await installOnAll(refusing.ipc, importedPackage, cart, {}, sequentialIds())).toEqual({ kind: 'failed', message: 'The connection to Outpost was lost' });
  });
});
