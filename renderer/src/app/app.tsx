import { useTranslation } from 'react-i18next';
import { HomePage } from '../pages/home-page';
import { LibraryPage } from '../pages/library-page';
import { SettingsPage } from '../pages/settings-page';
import { ConnectionBadge } from './connection-badge';
import type { ConnectionSource } from './connection-badge';
import { ROUTES, useHashRoute } from './use-hash-route';
import type { Route } from './use-hash-route';
import { useSettings } from './use-settings';

const PAGES: Record<Route, () => React.JSX.Element> = {
  home: HomePage,
  library: LibraryPage,
  settings: SettingsPage,
};

export function App({ connection }: { connection: ConnectionSource | null }) {
  const { t } = useTranslation();
  const route = useHashRoute();
  const settings = useSettings();
  const Page = PAGES[route];
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{settings?.kioskName ?? t('app.tagline')}</span>
        </div>
        {connection && <ConnectionBadge source={connection} />}
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        {ROUTES.map((name) => (
          <a key={name} href={`#/${name}`} aria-current={route === name ? 'page' : undefined}>
            {t(`nav.${name}`)}
          </a>
        ))}
      </nav>
      <main className="content">
        <Page />
      </main>
    </div>
  );
}
