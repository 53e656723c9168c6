import type { SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import type { Result } from '../../../shared/ipc/result';
import type { DataPorts } from '../data/data-ports';
import { markOrphanedJobsInterrupted, recordSideloadUpdate } from '../data/sideload-jobs';
import { systemPorts } from '../data/system-ports';
import type { OutpostDb } from '../db/outpost-db';

export interface SideloadEvents {
  on(channel: 'sideload:progress', listener: (update: SideloadUpdate) => void): () => void;
  invoke(channel: 'sideload:jobs', payload: Record<string, never>): Promise<Result<{ jobs: SideloadUpdate[] }>>;
}

/**
 * Follows main's progress events for the life of the window (not of a page), so a class install keeps
 * being recorded while the instructor looks elsewhere. Updates are written one after another: a fast
 * "done" can never be overtaken by the "transferring" before it.
 */
export function startSideloadTracker(
  ipc: SideloadEvents,
  target: DataPorts | OutpostDb,
  onError: (error: unknown) => void = console.error,
  options: { readonly mainStartedAt?: string } = {},
): SideloadTracker {
  // The composition root may still hand over the bare database; it then writes with the real clock and ids.
  const ports = 'newId' in target ? target : systemPorts(target);
  let chain = Promise.resolve();
  const record = (update: SideloadUpdate) => {
    chain = chain.then(() => recordSideloadUpdate(ports, update)).catch(onError);
    return chain;
  };
  const stop = ipc.on('sideload:progress', (update) => void record(update));
  /**
   * Events sent while this window was reloading or its connection was down are gone; main keeps each
   * job's latest update, so ask for those (at start and after every reconnect) and record them in order.
   */
  const catchUp = async () => {
    const result = await ipc.invoke('sideload:jobs', {});
    if (!result.ok) return;
    for (const update of [...result.value.jobs].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) await record(update);
    // Rows left running by a main that stopped without a record of them (docs/crash-safety.md). Only rows
    // untouched since this main started: anything newer came from it, so it knows them.
    const { mainStartedAt } = options;
    if (mainStartedAt) {
      const known = new Set(result.value.jobs.map((job) => job.id));
      chain = chain.then(() => markOrphanedJobsInterrupted(ports, known, mainStartedAt).then(() => undefined)).catch(onError);
      await chain;
    }
  };
  void catchUp();
  return { stop, catchUp };
}

export interface SideloadTracker {
  stop(): void;
  catchUp(): Promise<void>;
}
