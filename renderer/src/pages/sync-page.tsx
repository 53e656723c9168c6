import { useTranslation } from 'react-i18next';
import { DeadLetterList } from '../sync-ui/dead-letter-list';
import { StatementsSection } from '../sync-ui/statements-section';
import { SignInAgainBanner } from '../sync-ui/sign-in-again-banner';
import { SyncConnection } from '../sync-ui/sync-connection';
import { SyncNowPanel } from '../sync-ui/sync-now-panel';
import { SyncStatusDetail } from '../sync-ui/sync-status-detail';
import { useSyncSnapshot } from '../sync-ui/use-sync-snapshot';

export function SyncPage() {
  const { t } = useTranslation();
  const needsToken = useSyncSnapshot().state === 'paused_auth';
  const status = <SyncStatusDetail key="status" />;
  const now = <SyncNowPanel key="now" />;
  const dead = <DeadLetterList key="dead" />;
  const connection = <SyncConnection key="connection" />;
  const statements = <StatementsSection key="statements" />;
  // While sync waits for a token, the token field comes first, under the banner asking for it. Keyed
  // children are moved rather than remounted, so the form's "token accepted" survives the move back.
  const sections = needsToken ? [<SignInAgainBanner key="banner" />, connection, status, now, dead, statements] : [status, now, dead, connection, statements];
  return (
    <section aria-labelledby="sync-title" className="sync-page">
      <h1 id="sync-title">{t('sync.title')}</h1>
      <p className="hint">{t('sync.intro')}</p>
      {sections}
    </section>
  );
}
