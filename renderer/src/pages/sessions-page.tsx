import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../app/use-hash-route';
import { useLearnerSession } from '../auth/learner-session-context';
import { SessionCard } from '../sessions/session-card';
import { useSessionNotice } from '../sessions/session-notice-context';
import { useVrSessions } from '../sessions/use-vr-sessions';
import { SignInPage } from './sign-in-page';

export function SessionsPage() {
  const { session } = useLearnerSession();
  if (!session) return <SignInPage />;
  return <LearnerSessions key={session.learner.id} learnerId={session.learner.id} />;
}

function LearnerSessions({ learnerId }: { learnerId: string }) {
  const { t } = useTranslation();
  const state = useVrSessions(learnerId);
  const { notice, show } = useSessionNotice();
  // The library's notice is meant for this visit only: keep a copy, and take it off the shared slot.
  const [shownNotice] = useState(notice);
  useEffect(() => {
    if (notice) show(null);
  }, [notice, show]);

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
        <p>
          {t('sessions.empty')} <a href={routeHref('library')}>{t('sessions.openLibrary')}</a>
        </p>
      )}
      {state.kind === 'ready' && state.sessions.length > 0 && (
        <ul className="sessions">
          {state.sessions.map((session) => (
            <li key={session.id}>
              <SessionCard session={session} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
