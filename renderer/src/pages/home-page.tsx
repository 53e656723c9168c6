import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useSyncSnapshot } from '../sync-ui/use-sync-snapshot';
import { useServices } from '../ui/services-context';
import { countPackages } from '../data/vr-package-queries';

export function HomePage() {
  const { t } = useTranslation();
  const { db, appInfo } = useServices();
  const packages = useLiveQuery(() => countPackages(db), [db]);
  // The scheduler's own count, kept by the outbox's writes (O(1) each): no recount of the outbox per write.
  const { pending } = useSyncSnapshot();
  const host = appInfo.host === 'electron' ? t('home.hostElectron') : t('home.hostServe');
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p data-testid="app-version">{t('home.version', { version: appInfo.version, host })}</p>
      <ul className="stats">
        <li data-testid="package-count">{t('home.packages', { count: packages ?? 0 })}</li>
        <li data-testid="pending-count">{t('home.pending', { count: pending })}</li>
      </ul>
      <p className="hint">{t('home.offlineReady')}</p>
    </section>
  );
}
