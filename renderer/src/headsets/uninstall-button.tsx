import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';

type Outcome = { kind: 'running' } | { kind: 'refused' } | { kind: 'failed'; message: string };

/** Takes one app off one headset; main answers with the headset's fresh list, which the card then shows. */
export function UninstallButton({ serial, packageName, title }: { serial: string; packageName: string; title: string }) {
  const { t } = useTranslation();
  const { ipc } = useServices();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function uninstall() {
    setOutcome({ kind: 'running' });
    const result = await ipc.invoke('headsets:uninstall', { serial, package_name: packageName });
    // On success the card re-renders from headsets:changed and this button goes with the app.
    if (!result.ok) setOutcome({ kind: 'failed', message: result.error.message });
    else if (!result.value.uninstalled) setOutcome({ kind: 'refused' });
  }

  return (
    <>
      <button type="button" className="secondary" disabled={outcome?.kind === 'running'} aria-label={t('headsets.uninstall.label', { title })} onClick={() => void uninstall()}>
        {t('headsets.uninstall.button')}
      </button>
      {outcome?.kind === 'refused' && <span role="alert">{t('headsets.uninstall.refused', { title })}</span>}
      {outcome?.kind === 'failed' && <span role="alert">{t('headsets.uninstall.failed', { reason: outcome.message })}</span>}
    </>
  );
}
