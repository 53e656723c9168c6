import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLearnerSession } from '../auth/learner-session-context';
import { SessionCard } from '../sessions/session-card';
import { StartExperienceList } from '../sessions/start-experience-list';
import { useSessionNotice } from '../sessions/session-notice-context';
import { useLocalPackageIds } from '../sessions/use-local-package-ids';
import { useVrSessions } from '../sessions/use-vr-sessions';
import { SignInPage } from './sign-in-page';

export function SessionsPage() {
  const { session } = useLearnerSession();
  if (!session) return <SignInPage />;
  return <LearnerSessions key={session.learner.id} learnerId={session.learner.id} />;
}

function LearnerSessions({ learnerId }: { learnerId: string }) {
  const { t } = useTranslation();
  const { state, showMore } = useVrSessions(learnerId);
  const localPackages = useLocalPackageIds();
  const { notice: shownNotice, show } = useSessionNotice();
  // A start's notice is meant for this visit only: it goes when the learner leaves the page.
  useEffect(() => () => show(null), [show]);

  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title">{t('sessions.title')}</h1>
      {shownNotice && (
        <p role="status" className="notice">
          {t(`sessions.notice.${shownNotice.kind}`, { title: shownNotice.title })}
        </p>
      )}
      {state.kind === 'loading' && <p>{t('sessions.loading')}</p>}
      {state.kind === 'failed' && <p role="alert">{t('sessions.loadFailed', { reason: t(`apiErrors.${state.failure.code}`) })}</p>}
      {state.kind === 'ready' && state.sessions.length === 0 && (
        <p>{t('sessions.empty')}</p>
      )}
      {state.kind === 'ready' && state.sessions.length > 0 && (
        <ul className="sessions">
          {state.sessions.map((session) => (
            <li key={session.id}>
              <SessionCard session={session} keptLocal={localPackages.has(session.package_id)} />
            </li>
          ))}
        </ul>
      )}
      {state.kind === 'ready' && state.hasMore && (
        <p className="sessions-more">
          <span>{t('sessions.showingNewest', { count: state.sessions.length })}</span>{' '}
          <button type="button" onClick={showMore}>
            {t('sessions.showMore')}
          </button>
        </p>
      )}
      <StartExperienceList />
    </section>
  );
}
