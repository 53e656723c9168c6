import type { SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import type { Result } from '../../../shared/ipc/result';
import type { OutpostDb } from '../db/outpost-db';
import type { SideloadJobRow } from '../db/rows';
import { transitionVrSession } from '../vr/vr-session-transitions';

/** An app that is already on the headset at this version counts as downloaded, as much as a fresh install. */
const ON_HEADSET = new Set<SideloadUpdate['status']>(['done', 'skipped']);

/**
 * Keeps one sideloadJobs row per job in step with main's progress events and, when a job carries a
 * learner's session, moves that session to downloaded once the headset verified the install. The job row
 * and the session step share a transaction, so a crash never leaves one without the other.
 */
export async function recordSideloadUpdate(db: OutpostDb, update: SideloadUpdate): Promise<void> {
  await db.transaction('rw', db.sideloadJobs, db.vrSessions, async () => {
    const existing = await db.sideloadJobs.get(update.id);
    // Events arrive in order over one connection, but a replayed or late one must not undo a final status.
    if (existing && existing.updated_at > update.at) return;
    const row: SideloadJobRow = {
      id: update.id,
      serial: update.serial,
      package_id: update.package_id,
      vr_session_id: update.vr_session_id,
      status: update.status,
      bytes_total: update.bytes_total,
      bytes_sent: update.bytes_sent,
      error_code: update.error_code,
      error_message: update.error_message,
      created_at: existing?.created_at ?? update.at,
      updated_at: update.at,
    };
    await db.sideloadJobs.put(row);
    if (update.vr_session_id && ON_HEADSET.has(update.status)) {
      await markDownloaded(db, update.vr_session_id, new Date(update.transfer_completed_at ?? update.at));
    }
  });
}

/** Only a session still waiting for its download moves; one the learner already launched or finished is left alone. */
async function markDownloaded(db: OutpostDb, sessionId: string, at: Date): Promise<void> {
  const session = await db.vrSessions.get(sessionId);
  if (session?.status !== 'downloading') return;
  await transitionVrSession(db, sessionId, 'downloaded', at);
}

export interface SideloadEvents {
  on(channel: 'sideload:progress', listener: (update: SideloadUpdate) => void): () => void;
  invoke(channel: 'sideload:jobs', payload: Record<string, never>): Promise<Result<{ jobs: SideloadUpdate[] }>>;
}

/**
 * Follows main's progress events for the life of the window (not of a page), so a class install keeps
 * being recorded while the instructor looks elsewhere. Updates are written one after another: a fast
 * "done" can never be overtaken by the "transferring" before it.
 */
export function startSideloadTracker(ipc: SideloadEvents, db: OutpostDb, onError: (error: unknown) => void = console.error): SideloadTracker {
  let chain = Promise.resolve();
  const record = (update: SideloadUpdate) => {
    chain = chain.then(() => recordSideloadUpdate(db, update)).catch(onError);
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
  };
  void catchUp();
  return { stop, catchUp };
}

export interface SideloadTracker {
  stop(): void;
  catchUp(): Promise<void>;
}
