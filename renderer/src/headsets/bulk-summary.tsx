import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Headset } from '../../../shared/headsets/headset';
import type { Result } from '../../../shared/ipc/result';
import { useServices } from '../ui/services-context';
import { jobsByIds } from '../data/sideload-job-queries';
import { SideloadError } from './sideload-error';

const RUNNING = new Set(['queued', 'transferring', 'installing', 'verifying']);

/** The jobs of a bulk action that may still run: those with no row yet (main has them queued) and those whose row says so. */
export function unfinishedJobs(jobIds: readonly string[], jobs: readonly { id: string; status: string }[]): string[] {
  const status = new Map(jobs.map((job) => [job.id, job.status]));
  return jobIds.filter((id) => {
    const now = status.get(id);
    return now === undefined || RUNNING.has(now);
  });
}

export interface CancelOutcome {
  /** Main stopped it (it ends as "cancelled" in the summary line). */
  readonly cancelled: number;
  /** Main no longer ran it: it finished (or failed) before the cancel arrived. */
  readonly alreadyOver: number;
  /** The request itself failed (refused, or the link to main broke). */
  readonly failed: number;
}

/**
 * "Cancel all": asks main to cancel each unfinished job, all at once, and counts what came of it. Never
 * throws: a refused or broken request is counted, not left as an unhandled rejection.
 */
export async function cancelJobs(cancel: (jobId: string) => Promise<Result<{ cancelled: boolean }>>, jobIds: readonly string[]): Promise<CancelOutcome> {
  const answers = await Promise.allSettled(jobIds.map((id) => cancel(id)));
  let cancelled = 0;
  let alreadyOver = 0;
  let failed = 0;
  for (const answer of answers) {
    if (answer.status === 'rejected' || !answer.value.ok) failed += 1;
    else if (answer.value.value.cancelled) cancelled += 1;
    else alreadyOver += 1;
  }
  return { cancelled, alreadyOver, failed };
}

/**
 * After "Install on all": the cart in one line ("21 installed, 2 skipped, 1 failed"), each failure with
 * its headset and reason, and "Cancel all" while any job still runs. Live from the tracker's job rows.
 */
export function BulkSummary({ jobIds, leftOut, names }: { jobIds: readonly string[]; leftOut: readonly Headset[]; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { db, ipc } = useServices();
  const jobs = useLiveQuery(() => jobsByIds(db, jobIds), [db, jobIds]) ?? [];
  const count = (status: string) => jobs.filter((job) => job.status === status).length;
  const unfinished = unfinishedJobs(jobIds, jobs);
  const [notCancelled, setNotCancelled] = useState(0);
  const cancelAll = async () => {
    setNotCancelled(0);
    const outcome = await cancelJobs((id) => ipc.invoke('sideload:cancel', { job_id: id }), unfinished);
    setNotCancelled(outcome.failed);
  };
  const waiting = unfinished.length;
  const failed = jobs.filter((job) => job.status === 'failed');
  const nameOf = (serial: string) => names.get(serial) ?? serial;
  return (
    <div className="bulk-summary">
      <p role="status" data-testid="bulk-summary">
        {t('headsets.summary.line', { installed: count('done'), skipped: count('skipped') + leftOut.length, failed: failed.length, cancelled: count('cancelled'), running: waiting })}
      </p>
      {failed.length > 0 && (
        <ul aria-label={t('headsets.summary.why')}>
          {failed.map((job) => (
            <li key={job.id}>
              {nameOf(job.serial)}: {job.error_code ? <SideloadError code={job.error_code} /> : job.error_message}
            </li>
          ))}
        </ul>
      )}
      {waiting > 0 && (
        <button type="button" onClick={() => void cancelAll()}>
          {t('headsets.summary.cancelAll', { count: waiting })}
        </button>
      )}
      {notCancelled > 0 && <p role="alert">{t('console.cancelAll.failed', { count: notCancelled })}</p>}
    </div>
  );
}
