import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { waitingOperationCount } from '../data/outbox-queries';
import { countPackages } from '../data/vr-package-queries';

export function HomePage() {
  const { t } = useTranslation();
  const { db, appInfo } = useServices();
  const packages = useLiveQuery(() => countPackages(db), [db]);
  const pending = useLiveQuery(() => waitingOperationCount(db), [db]);
  const host = appInfo.host === 'electron' ? t('home.hostElectron') : t('home.hostServe');
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p data-testid="app-version">{t('home.version', { version: appInfo.version, host })}</p>
      <ul className="stats">
        <li data-testid="package-count">{t('home.packages', { count: packages ?? 0 })}</li>
        <li data-testid="pending-count">{t('home.pending', { count: pending ?? 0 })}</li>
      </ul>
      <p className="hint">{t('home.offlineReady')}</p>
    </section>
  );
}
