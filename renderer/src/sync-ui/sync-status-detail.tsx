import { useTranslation } from 'react-i18next';
import type { RemoteStatus } from '../../../shared/sync/remote-contract';
import { HeldStepsNote } from './held-steps-note';
import { LastSync } from './last-sync';
import { SyncProgress } from './sync-progress';
import { syncStatusText } from './sync-status-text';
import { useSyncSnapshot } from './use-sync-snapshot';

type ApiKey = 'notSetUp' | 'reachable' | 'unreachable' | 'unknown';

function apiKey(remote: RemoteStatus | null): ApiKey {
  if (!remote) return 'unknown';
  if (!remote.configured) return 'notSetUp';
  return remote.reachable ? 'reachable' : 'unreachable';
}

/** The indicator's facts spelled out, for the Sync page. */
export function SyncStatusDetail() {
  const { t } = useTranslation();
  const snapshot = useSyncSnapshot();
  const text = syncStatusText(snapshot);
  // 'sign_in_required' is the scheduler's marker for the pause the banner already explains.
  const problem = snapshot.lastError && snapshot.lastError !== 'sign_in_required' ? snapshot.lastError : null;
  return (
    <div className="card sync-detail">
      <dl className="facts" data-testid="sync-status">
        <dt>{t('sync.facts.state')}</dt>
        <dd className={`tone-${text.tone}`}>{t(`sync.state.${text.key}`, { count: snapshot.pending })}</dd>
        <dt>{t('sync.facts.waiting')}</dt>
        <dd data-testid="sync-pending">{snapshot.pending}</dd>
        <dt>{t('sync.facts.dead')}</dt>
        <dd data-testid="sync-dead" className={snapshot.dead > 0 ? 'warn' : undefined}>
          {snapshot.dead}
        </dd>
        <dt>{t('sync.facts.lastSuccess')}</dt>
        <dd>
          <LastSync at={snapshot.lastSuccessAt} />
        </dd>
        <dt>{t('sync.facts.api')}</dt>
        <dd>{t(`sync.api.${apiKey(snapshot.remote)}`)}</dd>
        <dt>{t('sync.facts.account')}</dt>
        <dd data-testid="api-account">{t(snapshot.remote?.signed_in ? 'sync.account.signedIn' : 'sync.account.signedOut')}</dd>
        {problem && (
          <>
            <dt>{t('sync.facts.lastProblem')}</dt>
            <dd className="code">{problem}</dd>
          </>
        )}
      </dl>
      <HeldStepsNote />
      {snapshot.progress && <SyncProgress progress={snapshot.progress} />}
    </div>
  );
}
