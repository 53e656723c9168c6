import { useTranslation } from 'react-i18next';
import { routeHref } from '../ui/use-hash-route';
import { useLearnerSession } from '../auth/learner-session-context';
import { RosterPicker } from '../auth/roster-picker';

/** Shown on its own route and in place of any page that needs a learner. */
export function SignInPage({ onSignedIn }: { onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const { session } = useLearnerSession();
  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {session ? (
        <p>
          {t('signIn.alreadySignedIn', { name: session.learner.display_name })} <a href={routeHref('sessions')}>{t('signIn.goToSessions')}</a>
        </p>
      ) : (
        <RosterPicker onSignedIn={onSignedIn} />
      )}
    </section>
  );
}
