import { useTranslation } from 'react-i18next';
import { useLearnerSession } from '../auth/learner-session-context';
import { routeHref } from '../ui/use-hash-route';

/** Who the kiosk is acting for, always in view, so nobody records a session under a classmate's name. */
export function LearnerBadge() {
  const { t } = useTranslation();
  const { session, signOut } = useLearnerSession();
  if (!session) {
    return (
      <a className="button-link" href={routeHref('sign-in')}>
        {t('auth.signIn')}
      </a>
    );
  }
  return (
    <div className="learner-badge">
      <span data-testid="signed-in-learner">{t('auth.signedInAs', { name: session.learner.display_name })}</span>
      <button type="button" className="secondary" onClick={() => void signOut()}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
