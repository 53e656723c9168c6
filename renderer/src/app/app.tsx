import { useTranslation } from 'react-i18next';
import { useLearnerSession } from '../auth/learner-session-context';
import { HeadsetsPage } from '../pages/headsets-page';
import { HomePage } from '../pages/home-page';
import { LibraryPage } from '../pages/library-page';
import { SessionsPage } from '../pages/sessions-page';
import { SettingsPage } from '../pages/settings-page';
import { SignInPage } from '../pages/sign-in-page';
import { SyncPage } from '../pages/sync-page';
import { SessionNoticeProvider } from '../sessions/session-notice-context';
import { SyncIndicator } from '../sync-ui/sync-indicator';
import { ConnectionBadge } from './connection-badge';
import type { ConnectionSource } from './connection-badge';
import { LearnerBadge } from './learner-badge';
import { NAV_ROUTES, navigate, useHashRoute } from './use-hash-route';
import type { Route } from './use-hash-route';
import { useSettings } from './use-settings';

function SignInRoute() {
  return <SignInPage onSignedIn={() => navigate('sessions')} />;
}

const PAGES: Record<Route, () => React.JSX.Element> = {
  home: HomePage,
  library: LibraryPage,
  headsets: HeadsetsPage,
  sessions: SessionsPage,
  sync: SyncPage,
  settings: SettingsPage,
  'sign-in': SignInRoute,
};

export function App({ connection }: { connection: ConnectionSource | null }) {
  const { t } = useTranslation();
  const route = useHashRoute();
  const settings = useSettings();
  const { session } = useLearnerSession();
  const Page = PAGES[route];
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{settings?.kioskName ?? t('app.tagline')}</span>
        </div>
        <div className="topbar-end">
          <SyncIndicator />
          <LearnerBadge />
          {connection && <ConnectionBadge source={connection} />}
        </div>
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        {NAV_ROUTES.map((name) => (
          <a key={name} href={`#/${name}`} aria-current={route === name ? 'page' : undefined}>
            {t(`nav.${name}`)}
          </a>
        ))}
      </nav>
      <main className="content">
        {/* Re-keyed per learner so nothing one learner saw (a notice, a half-filled form) reaches the next. */}
        <SessionNoticeProvider key={session?.learner.id ?? 'nobody'}>
          <Page />
        </SessionNoticeProvider>
      </main>
    </div>
  );
}
