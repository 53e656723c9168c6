import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseFile } from '../../../shared/exercises/exercise-schema';
import { useLearnerSession } from '../auth/learner-session-context';
import { ExerciseList } from '../exercises/exercise-list';
import { ExercisePlayer } from '../exercises/exercise-player';
import { QuizPlayer } from '../exercises/quiz-player';
import { SignInPage } from './sign-in-page';

/** "My exercises": the bundled exercises and quizzes, and the player for the one opened. */
export function ExercisesPage() {
  const { session } = useLearnerSession();
  if (!session) return <SignInPage />;
  return <LearnerExercises key={session.learner.id} learnerId={session.learner.id} />;
}

function LearnerExercises({ learnerId }: { learnerId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ExerciseFile | null>(null);
  const back = () => setOpen(null);
  if (open?.kind === 'exercise') return <ExercisePlayer exercise={open} learnerId={learnerId} onBack={back} />;
  if (open?.kind === 'quiz') return <QuizPlayer quiz={open} learnerId={learnerId} onBack={back} />;
  return (
    <section aria-labelledby="exercises-title">
      <h1 id="exercises-title">{t('exercises.title')}</h1>
      <ExerciseList learnerId={learnerId} onOpen={setOpen} />
    </section>
  );
}
