import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { CatalogPullSummary } from './catalog-pull-summary';
import type { DrainResult } from '../sync/sync-engine';
import { syncStatusText } from './sync-status-text';
import { useLatestCatalogPull, useSyncSnapshot } from './use-sync-snapshot';

type Outcome = { kind: 'sent'; result: DrainResult } | { kind: 'not_possible' } | { kind: 'failed'; reason: string };

/** "Sync now": ask the API afresh, send what waits, then download the catalog for offline use. */
export function SyncNowPanel() {
  const { t } = useTranslation();
  const { sync } = useServices();
  const snapshot = useSyncSnapshot();
  const pull = useLatestCatalogPull();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function run() {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await sync.scheduler.syncNow();
      setOutcome(result ? { kind: 'sent', result } : { kind: 'not_possible' });
    } catch (error) {
      setOutcome({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card sync-now">
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void run()}>
          {t(busy ? 'sync.now.running' : 'sync.now.button')}
        </button>
      </div>
      {outcome?.kind === 'sent' && (
        <p role="status">{outcome.result.delivered > 0 ? t('sync.now.sent', { count: outcome.result.delivered }) : t('sync.now.nothingSent')}</p>
      )}
      {/* Why not, in the indicator's words: the scheduler has just updated its state from the fresh check. */}
      {outcome?.kind === 'not_possible' && (
        <p role="alert">{t('sync.now.notPossible', { reason: t(`sync.state.${syncStatusText(snapshot).key}`, { count: snapshot.pending }) })}</p>
      )}
      {outcome?.kind === 'failed' && <p role="alert">{t('sync.now.failed', { reason: outcome.reason })}</p>}
      {pull && <CatalogPullSummary record={pull} />}
    </div>
  );
}
