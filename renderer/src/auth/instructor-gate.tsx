import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useInstructor } from './instructor-context';
import { InstructorSignInForm } from './instructor-sign-in-form';

/**
 * Instructor pages render only for a signed-in instructor; anyone else gets the sign-in form in their
 * place. main refuses the same actions below the UI, so this is for clarity, not the only lock.
 */
export function InstructorGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status } = useInstructor();
  if (status === null) return null;
  if (status.signed_in) return <>{children}</>;
  return (
    <section aria-labelledby="instructor-only-title">
      <h1 id="instructor-only-title">{t('instructor.onlyTitle')}</h1>
      <p className="hint">{t('instructor.onlyIntro')}</p>
      <InstructorSignInForm />
    </section>
  );
}
