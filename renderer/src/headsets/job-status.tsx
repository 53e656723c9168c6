import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../ui/progress-bar';
import { useServices } from '../ui/services-context';
import type { SideloadJobRow } from '../db/rows';
import { formatBytes } from '../i18n/format-bytes';
import { InterruptedJob } from './resume-job';
import { SideloadError } from './sideload-error';
import { SIGNATURE_MISMATCH } from './uninstall-first';
import { UninstallFirstAction } from './uninstall-first-action';

const RUNNING = new Set<SideloadJobRow['status']>(['queued', 'transferring', 'installing', 'verifying']);

/** The headset's latest install: a live bar while it runs, then how it ended. */
export function JobStatus({ job, title }: { job: SideloadJobRow; title: string }) {
  const { t, i18n } = useTranslation();
  const { ipc } = useServices();
  const bytes = t('headsets.job.bytes', { sent: formatBytes(job.bytes_sent, i18n.language), total: formatBytes(job.bytes_total, i18n.language) });
  if (job.status === 'interrupted') return <InterruptedJob job={job} title={title} />;
  if (RUNNING.has(job.status)) {
    return (
      <div className="job" role="status" data-status={job.status}>
        <p>{t(`headsets.job.${job.status}`, { title })}</p>
        <ProgressBar label={t('headsets.job.progressLabel', { title })} value={job.bytes_sent} max={job.bytes_total} text={bytes} />
        <small>{bytes}</small>
        <button type="button" className="secondary" onClick={() => void ipc.invoke('sideload:cancel', { job_id: job.id })}>
          {t('headsets.cancel')}
        </button>
      </div>
    );
  }
  if (job.status === 'failed') {
    return (
      <div className="job job-failed" data-status="failed">
        <p role="alert">
          {t('headsets.job.failed', { title })} <SideloadError code={job.error_code ?? 'UNKNOWN'} />
        </p>
        {job.error_code === SIGNATURE_MISMATCH && <UninstallFirstAction job={job} />}
      </div>
    );
  }
  return (
    <p className="job" role="status" data-status={job.status}>
      {t(`headsets.job.${job.status}`, { title })}
    </p>
  );
}
