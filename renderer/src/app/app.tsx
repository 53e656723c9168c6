import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstRunSetup } from '../auth/first-run-setup';
import { IdleSignOut } from '../auth/idle-sign-out';
import { useInstructor } from '../auth/instructor-context';
import { InstructorGate } from '../auth/instructor-gate';
import { useLearnerSession } from '../auth/learner-session-context';
import { CastBanner } from '../cast/cast-banner';
import { CastPage } from '../pages/cast-page';
import { ClassPage } from '../pages/class-page';
import { ClassProgressPage } from '../pages/class-progress-page';
import { CoursesPage } from '../pages/courses-page';
import { ExercisesPage } from '../pages/exercises-page';
import { HeadsetsPage } from '../pages/headsets-page';
import { HomePage } from '../pages/home-page';
import { InstructorPage } from '../pages/instructor-page';
import { LessonPlaysPage } from '../pages/lesson-plays-page';
import { LibraryPage } from '../pages/library-page';
import { SessionsPage } from '../pages/sessions-page';
import { SettingsPage } from '../pages/settings-page';
import { SignInPage } from '../pages/sign-in-page';
import { SyncPage } from '../pages/sync-page';
import { SessionNoticeProvider } from '../sessions/session-notice-context';
import { KioskDiskBanner } from '../storage/kiosk-disk-banner';
import { SyncIndicator } from '../sync-ui/sync-indicator';
import { ConnectionBadge } from './connection-badge';
import type { ConnectionSource } from './connection-badge';
import { InstructorBadge } from './instructor-badge';
import { LanguageSwitcher } from './language-switcher';
import { LearnerBadge } from './learner-badge';
import { useFocusOnNavigate } from './page-focus';
import { SkipLink } from './skip-link';
import { INSTRUCTOR_NAV, LEARNER_NAV, isInstructorRoute, navigate, useHashRoute } from '../ui/use-hash-route';
import type { Route } from '../ui/use-hash-route';
import { useSettings } from '../ui/use-settings';

function SignInRoute() {
  return <SignInPage onSignedIn={() => navigate('sessions')} />;
}

const PAGES: Record<Route, () => React.JSX.Element> = {
  home: HomePage,
  progress: ClassProgressPage,
  class: ClassPage,
  library: LibraryPage,
  headsets: HeadsetsPage,
  cast: CastPage,
  sessions: SessionsPage,
  'lesson-plays': LessonPlaysPage,
  courses: CoursesPage,
  exercises: ExercisesPage,
  sync: SyncPage,
  settings: SettingsPage,
  'sign-in': SignInRoute,
  instructor: InstructorPage,
};

function Content({ route }: { route: Route }) {
  const { status } = useInstructor();
  if (status === null) return null;
  // A new kiosk is set up before anything else: nothing could be protected without the passphrase.
  if (!status.configured) return <FirstRunSetup />;
  const Page = PAGES[route];
  return isInstructorRoute(route) ? (
    <InstructorGate>
      <Page />
    </InstructorGate>
  ) : (
    <Page />
  );
}

export function App({ connection }: { connection: ConnectionSource | null }) {
  const { t } = useTranslation();
  const route = useHashRoute();
  const settings = useSettings();
  const { session } = useLearnerSession();
  const instructor = useInstructor();
  const nav = instructor.status?.signed_in ? INSTRUCTOR_NAV : LEARNER_NAV;
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(route, main);
  return (
    <div className="shell">
      <SkipLink main={main} />
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{settings?.kioskName ?? t('app.tagline')}</span>
        </div>
        <div className="topbar-end">
          {instructor.status?.signed_in && <SyncIndicator />}
          <LanguageSwitcher />
          <InstructorBadge />
          <LearnerBadge />
          {connection && <ConnectionBadge source={connection} />}
        </div>
      </header>
      <CastBanner />
      <nav className="sidebar" aria-label={t('nav.label')}>
        {nav.map((name) => (
          <a key={name} href={`#/${name}`} aria-current={route === name ? 'page' : undefined}>
            {t(`nav.${name}`)}
          </a>
        ))}
      </nav>
      <main className="content" id="content" ref={main}>
        {/* The kiosk disk running short is the instructor's to fix: said on every page, not only in Settings. */}
        {instructor.status?.signed_in && <KioskDiskBanner />}
        {/* Re-keyed per learner so nothing one learner saw (a notice, a half-filled form) reaches the next. */}
        <SessionNoticeProvider key={session?.learner.id ?? 'nobody'}>
          <Content route={route} />
        </SessionNoticeProvider>
      </main>
      <IdleSignOut />
    </div>
  );
}
