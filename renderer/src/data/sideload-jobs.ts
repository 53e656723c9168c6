import type { SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import type { SideloadJobRow } from '../db/rows';
import type { DataPorts } from './data-ports';
import { markDownloaded, markDownloadStarted, vrStepTables } from './vr-session-steps';

/** Statuses of a job still under way in main. */
const RUNNING = new Set<SideloadUpdate['status']>(['queued', 'transferring', 'installing', 'verifying']);

/**
 * Rows this kiosk shows as running for jobs main does not know (`known`: every job main reported) and
 * has not touched since it started: main stopped while they ran and kept no record of them (a journal
 * lost or damaged, or jobs from before main kept one). They become `interrupted` instead of "installing"
 * forever; without main's record they cannot be resumed, only started again. Returns how many.
 */
export async function markOrphanedJobsInterrupted(ports: DataPorts, known: ReadonlySet<string>, mainStartedAt: string): Promise<number> {
  const { db } = ports;
  return db.transaction('rw', db.sideloadJobs, async () => {
    const orphans = await db.sideloadJobs.filter((job) => RUNNING.has(job.status) && !known.has(job.id) && job.updated_at < mainStartedAt).toArray();
    const at = ports.now().toISOString();
    await db.sideloadJobs.bulkPut(orphans.map((job) => ({ ...job, status: 'interrupted' as const, error_code: 'INTERRUPTED', error_message: 'Outpost stopped while this install was running', updated_at: at })));
    return orphans.length;
  });
}

/** An app that is already on the headset at this version counts as downloaded, as much as a fresh install. */
const ON_HEADSET = new Set<SideloadUpdate['status']>(['done', 'skipped']);
const NOT_STARTED = new Set<SideloadUpdate['status']>(['queued']);

/**
 * When this job's transfer started, if this update is the first to show it: main's own timestamp when
 * the update carries one, else the time of the first update past `queued` (a catch-up after a reload may
 * deliver only the final update).
 */
function transferStart(update: SideloadUpdate, existing: SideloadJobRow | undefined): string | null {
  if (update.transfer_started_at) return update.transfer_started_at;
  if (NOT_STARTED.has(update.status) || (existing && !NOT_STARTED.has(existing.status))) return null;
  return update.at;
}

/**
 * Keeps one sideloadJobs row per job in step with main's progress events and, when a job carries a
 * learner's session, stamps when its transfer started and moves it to downloaded once the headset
 * verified the install. The job row, the session step and its outbox row share a transaction, so a crash
 * never leaves one without the others.
 */
export async function recordSideloadUpdate(ports: DataPorts, update: SideloadUpdate): Promise<void> {
  const { db } = ports;
  await db.transaction('rw', [db.sideloadJobs, ...vrStepTables(db)], async () => {
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
    if (!update.vr_session_id) return;
    const started = transferStart(update, existing);
    if (started) await markDownloadStarted(ports, update.vr_session_id, new Date(started));
    if (ON_HEADSET.has(update.status)) await markDownloaded(ports, update.vr_session_id, new Date(update.install_verified_at ?? update.transfer_completed_at ?? update.at));
  });
}
