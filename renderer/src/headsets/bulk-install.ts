import type { Headset } from '../../../shared/headsets/headset';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { VrPackageRow } from '../db/rows';
import { planInstall } from './install-plan';
import type { SessionAssignments } from './install-plan';

export interface InstallChannels {
  invoke(channel: 'packages:stored', payload: RequestOf<'packages:stored'>): Promise<Result<ResponseOf<'packages:stored'>>>;
  invoke(channel: 'sideload:start', payload: RequestOf<'sideload:start'>): Promise<Result<ResponseOf<'sideload:start'>>>;
}

export type InstallOutcome =
  | { readonly kind: 'started'; readonly count: number; readonly skipped: readonly Headset[]; readonly jobIds: readonly string[] }
  | { readonly kind: 'noApk' | 'noHeadsets' | 'apkMissing' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Install on all": checks that this kiosk really holds the APK before asking main (a catalog package or
 * a copied database may name one it never received), then hands every job over at once. Progress comes
 * back as events, recorded by the sideload tracker.
 */
export async function installOnAll(
  ipc: InstallChannels,
  pkg: VrPackageRow,
  headsets: readonly Headset[],
  sessions: SessionAssignments,
  newId: () => string,
): Promise<InstallOutcome> {
  const plan = planInstall(pkg, headsets, sessions, newId);
  if (!plan.ok) return { kind: plan.reason };
  const stored = await ipc.invoke('packages:stored', { sha256: [plan.specs[0]?.apk_sha256 ?? ''] });
  if (!stored.ok) return { kind: 'failed', message: stored.error.message };
  if (stored.value.stored.length === 0) return { kind: 'apkMissing' };
  const started = await ipc.invoke('sideload:start', { jobs: plan.specs });
  if (!started.ok) return { kind: 'failed', message: started.error.message };
  return { kind: 'started', count: plan.specs.length, skipped: plan.skipped, jobIds: plan.specs.map((spec) => spec.job_id) };
}
