import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Headset } from '../../../shared/headsets/headset';
import { useServices } from '../ui/services-context';
import { jobsByIds } from '../data/sideload-job-queries';
import { SideloadError } from './sideload-error';

const RUNNING = new Set(['queued', 'transferring', 'installing', 'verifying']);

/**
 * After "Install on all": the cart in one line ("21 installed, 2 skipped, 1 failed"), each failure with
 * its headset and reason, and "Cancel all" while any job still runs. Live from the tracker's job rows.
 */
export function BulkSummary({ jobIds, leftOut, names }: { jobIds: readonly string[]; leftOut: readonly Headset[]; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { db, ipc } = useServices();
  const jobs = useLiveQuery(() => jobsByIds(db, jobIds), [db, jobIds]) ?? [];
  const count = (status: string) => jobs.filter((job) => job.status === status).length;
  const running = jobs.filter((job) => RUNNING.has(job.status));
  const waiting = jobIds.length - jobs.length + running.length;
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
      {running.length > 0 && (
        <button type="button" onClick={() => void Promise.all(running.map((job) => ipc.invoke('sideload:cancel', { job_id: job.id })))}>
          {t('headsets.summary.cancelAll', { count: running.length })}
        </button>
      )}
    </div>
  );
}
