import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { getPackage } from '../data/vr-package-queries';
import type { SideloadJobRow } from '../db/rows';
import { uninstallFirstSpec } from './uninstall-first';

/**
 * After a signature mismatch the instructor decides: the copy on the headset came from somewhere else
 * (another build, the store), and replacing it removes its data on the headset, so it is asked, not done.
 */
export function UninstallFirstAction({ job }: { job: SideloadJobRow }) {
  const { t } = useTranslation();
  const { ipc, db, ports } = useServices();
  const pkg = useLiveQuery(() => getPackage(db, job.package_id), [db, job.package_id]);
  const [outcome, setOutcome] = useState<'sent' | 'failed' | null>(null);
  const spec = pkg ? uninstallFirstSpec(job, pkg, ports.newId) : null;
  if (!spec) return null;

  async function resend(jobSpec: NonNullable<typeof spec>) {
    const result = await ipc.invoke('sideload:start', { jobs: [jobSpec] });
    setOutcome(result.ok ? 'sent' : 'failed');
  }

  return (
    <div className="confirm" role="group" aria-label={t('headsets.uninstallFirst.title')}>
      <p>{t('headsets.uninstallFirst.question', { title: pkg?.title ?? '' })}</p>
      <button type="button" className="danger" disabled={outcome === 'sent'} onClick={() => void resend(spec)}>
        {t('headsets.uninstallFirst.confirm')}
      </button>
      {outcome === 'failed' && <small role="alert">{t('headsets.uninstallFirst.failed')}</small>}
    </div>
  );
}
