import { useTranslation } from 'react-i18next';
import { ChangePassphraseForm } from '../auth/change-passphrase-form';
import { useInstructor } from '../auth/instructor-context';
import { InstructorSignInForm } from '../auth/instructor-sign-in-form';

/** Where an instructor signs in (from the top bar), and changes the passphrase once signed in. */
export function InstructorPage() {
  const { t } = useTranslation();
  const { status } = useInstructor();
  return (
    <section aria-labelledby="instructor-title">
      <h1 id="instructor-title">{t('instructor.pageTitle')}</h1>
      {status?.signed_in ? (
        <>
          <p role="status">{t('instructor.signedIn')}</p>
          <ChangePassphraseForm />
        </>
      ) : (
        <>
          <p className="hint">{t('instructor.onlyIntro')}</p>
          <InstructorSignInForm />
        </>
      )}
    </section>
  );
}
