import { useTranslation } from 'react-i18next';
import { useInstructor } from '../auth/instructor-context';
import { routeHref } from '../ui/use-hash-route';

/** Instructor mode is always visible while on, so nobody leaves the kiosk in it without noticing. */
export function InstructorBadge() {
  const { t } = useTranslation();
  const { status, signOut } = useInstructor();
  if (!status?.configured) return null;
  if (!status.signed_in) {
    return (
      <a className="button-link secondary" href={routeHref('instructor')}>
        {t('instructor.forInstructors')}
      </a>
    );
  }
  return (
    <div className="instructor-badge" data-testid="instructor-mode">
      <span>{t('instructor.mode')}</span>
      <button type="button" className="secondary" onClick={() => void signOut()}>
        {t('instructor.signOut')}
      </button>
    </div>
  );
}
