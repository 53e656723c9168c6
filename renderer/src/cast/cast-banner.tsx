import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CastSummary } from '../../../shared/cast/cast-contract';
import { useServices } from '../ui/services-context';
import './cast.css';

/**
 * Shown on every page, to everyone at the kiosk, while the instructor casts headsets: casting is never
 * silent. It says only that casting runs and for how many headsets, not what they show.
 */
export function CastBanner() {
  const { t } = useTranslation();
  const { ipc } = useServices();
  const [summary, setSummary] = useState<CastSummary | null>(null);
  useEffect(() => {
    let live = true;
    void ipc.invoke('cast:status', {}).then((result) => {
      if (live && result.ok) setSummary(result.value);
    });
    const off = ipc.on('cast:changed', (next) => setSummary(next));
    return () => {
      live = false;
      off();
    };
  }, [ipc]);
  if (!summary?.active) return null;
  return (
    <p className="cast-banner" role="status" data-testid="cast-banner">
      {summary.paused ? t('cast.banner.paused', { count: summary.headsets }) : t('cast.banner.active', { count: summary.headsets })}
    </p>
  );
}
