import { useTranslation } from 'react-i18next';
import { useLearnerSession } from '../auth/learner-session-context';
import { MyCourses } from '../scorm/my-courses';
import { SignInPage } from './sign-in-page';

/** "My courses": the signed-in learner's SCORM courses (instructors import them in the library). */
export function CoursesPage() {
  const { t } = useTranslation();
  const { session } = useLearnerSession();
  if (!session) return <SignInPage />;
  return (
    <section aria-labelledby="courses-title">
      <h1 id="courses-title">{t('courses.title')}</h1>
      <MyCourses key={session.learner.id} session={session} />
    </section>
  );
}
