import { useTranslation } from 'react-i18next';
import { routeHref } from '../ui/use-hash-route';
import { LastSync } from './last-sync';
import { SyncProgress } from './sync-progress';
import { syncStatusText } from './sync-status-text';
import { useSyncSnapshot } from './use-sync-snapshot';

/**
 * Sync in the top bar, on every page: what it is doing in words, what still waits, what was refused, when
 * it last succeeded, and a bar while it sends. The whole of it leads to the Sync page.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const snapshot = useSyncSnapshot();
  const text = syncStatusText(snapshot);
  return (
    <a className={`sync-indicator tone-${text.tone}`} href={routeHref('sync')} data-testid="sync-indicator" data-state={snapshot.state}>
      <span role="status" className="sync-state">
        {t(`sync.state.${text.key}`, { count: snapshot.pending })}
      </span>
      {text.showPending && <span className="sync-pending">{t('sync.pending', { count: snapshot.pending })}</span>}
      {text.showDead && <span className="sync-dead">{t('sync.refused', { count: snapshot.dead })}</span>}
      <LastSync at={snapshot.lastSuccessAt} />
      {snapshot.progress && <SyncProgress progress={snapshot.progress} />}
    </a>
  );
}
