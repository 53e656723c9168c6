import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SideloadJobRow } from '../db/rows';
import { useServices } from '../ui/services-context';

type Outcome = { readonly kind: 'idle' | 'sending' } | { readonly kind: 'refused'; readonly reason: 'UNKNOWN_JOB' | 'NOT_INTERRUPTED' | 'APK_NOT_STORED' } | { readonly kind: 'failed'; readonly message: string };

/**
 * A job main was running when it stopped (killed, crashed, the power went): said as such, never as
 * installing forever or as done, with the instructor's way to run it again. Main keeps the job's spec on
 * disk and runs it under the same id, so this row follows the new run (docs/crash-safety.md).
 */
export function InterruptedJob({ job, title }: { job: SideloadJobRow; title: string }) {
  const { t } = useTranslation();
  const { ipc } = useServices();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  async function resume() {
    setOutcome({ kind: 'sending' });
    const result = await ipc.invoke('sideload:resume', { job_id: job.id });
    if (!result.ok) setOutcome({ kind: 'failed', message: result.error.message });
    else if (!result.value.resumed) setOutcome({ kind: 'refused', reason: result.value.reason });
    // Resumed: the row moves on with main's progress events and this part goes away.
  }

  return (
    <div className="job job-failed" data-status="interrupted">
      <p role="alert">{t('sideloadRecovery.interrupted', { title })}</p>
      <button type="button" disabled={outcome.kind === 'sending'} onClick={() => void resume()}>
        {outcome.kind === 'sending' ? t('sideloadRecovery.resuming') : t('sideloadRecovery.resume')}
      </button>
      {outcome.kind === 'refused' && <small role="alert">{t(`sideloadRecovery.resumeFailed.${outcome.reason}`)}</small>}
      {outcome.kind === 'failed' && <small role="alert">{t('sideloadRecovery.resumeFailed.other', { message: outcome.message })}</small>}
    </div>
  );
}
