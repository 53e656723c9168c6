import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseFile } from '../../../shared/exercises/exercise-schema';
import { useServices } from '../ui/services-context';
import { useLearnerSession } from '../auth/learner-session-context';
import { ExerciseList } from '../exercises/exercise-list';
import { ExercisePlayer } from '../exercises/exercise-player';
import { QuizPlayer } from '../exercises/quiz-player';
import { createLoggerClient } from '../local-server/logger-client';
import type { LoggerClient } from '../local-server/logger-client';
import { SignInPage } from './sign-in-page';

/**
 * "My exercises": the bundled exercises and quizzes, and the player for the one opened. The page makes
 * the learner's logger client and hands it down, so the exercises folder needs nothing from the shell.
 */
export function ExercisesPage() {
  const { api } = useServices();
  const { session, forget } = useLearnerSession();
  const token = session?.token;
  const client = useMemo(() => (token ? createLoggerClient(api, token, { onUnauthorized: forget }) : null), [api, token, forget]);
  if (!session || !client) return <SignInPage />;
  return <LearnerExercises key={session.learner.id} client={client} learnerId={session.learner.id} />;
}

function LearnerExercises({ client, learnerId }: { client: LoggerClient; learnerId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ExerciseFile | null>(null);
  const back = () => setOpen(null);
  if (open?.kind === 'exercise') return <ExercisePlayer client={client} exercise={open} learnerId={learnerId} onBack={back} />;
  if (open?.kind === 'quiz') return <QuizPlayer client={client} quiz={open} learnerId={learnerId} onBack={back} />;
  return (
    <section aria-labelledby="exercises-title">
      <h1 id="exercises-title">{t('exercises.title')}</h1>
      <ExerciseList client={client} learnerId={learnerId} onOpen={setOpen} />
    </section>
  );
}
