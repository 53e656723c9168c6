import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../ui/progress-bar';
import type { SyncSnapshot } from '../sync/sync-scheduler';

/** How far the drain under way has got: "3 of 7 sent". */
export function SyncProgress({ progress }: { progress: NonNullable<SyncSnapshot['progress']> }) {
  const { t } = useTranslation();
  const { delivered, total } = progress;
  return <ProgressBar label={t('sync.progressLabel')} value={delivered} max={total} text={t('sync.progressText', { delivered, total })} />;
}
