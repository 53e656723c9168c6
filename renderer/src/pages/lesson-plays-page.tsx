import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLearnerSession } from '../auth/learner-session-context';
import { LessonPlayDetail } from '../lesson-plays/lesson-play-detail';
import { LessonPlayList } from '../lesson-plays/lesson-play-list';
import { LessonStartList } from '../lesson-plays/lesson-start-list';
import { SignInPage } from './sign-in-page';

/** A learner's lesson plays: their list (paged), a play's detail with sessions and grades, and starting a lesson. */
export function LessonPlaysPage() {
  const { session } = useLearnerSession();
  if (!session) return <SignInPage />;
  return <LearnerLessonPlays key={session.learner.id} owner={session.learner} />;
}

function LearnerLessonPlays({ owner }: { owner: { id: string; tenant_id: string } }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  if (open) return <LessonPlayDetail playId={open} onBack={() => setOpen(null)} />;
  return (
    <section aria-labelledby="lesson-plays-title">
      <h1 id="lesson-plays-title">{t('lessonPlays.title')}</h1>
      <LessonPlayList owner={owner} onOpen={setOpen} />
      <LessonStartList onStarted={setOpen} />
    </section>
  );
}
