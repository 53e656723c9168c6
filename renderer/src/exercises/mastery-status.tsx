import { useTranslation } from 'react-i18next';
import type { MasteryModel } from '../../../shared/schemas/mastery-model';
import type { ExerciseRun } from './exercise-run';
import { runState } from './exercise-run';

function Goal({ model, itemCount }: { model: MasteryModel; itemCount: number }) {
  const { t } = useTranslation();
  if (model.type === 'm_of_n') return <p>{t('exercises.goal.mOfN', { m: model.m, n: model.n })}</p>;
  if (model.type === 'do_all') return <p>{t('exercises.goal.doAll', { count: itemCount })}</p>;
  if (model.type === 'quiz') return null;
  return <p>{t('exercises.goal.streak', { count: Number(model.type.replace(/\D/g, '')) })}</p>;
}

/**
 * "3 of 5 correct — 2 more to master": the window's correct answers (whole ones; a fraction never shows
 * as done) of the window's size, from the mastery criterion and the try's past attempts.
 */
export function MasteryStatus({ run }: { run: ExerciseRun }) {
  const { t } = useTranslation();
  const state = runState(run);
  if (!state) return null;
  const correct = Math.floor(state.windowCorrect + 1e-9);
  return (
    <div>
      <Goal model={run.model} itemCount={run.itemIds.length} />
      <p data-testid="mastery-progress">
        {state.mastered || run.complete ? t('exercises.mastered', { correct, window: state.window }) : t('exercises.progress', { correct, window: state.window, count: state.remaining })}
      </p>
      <progress className="exercise-progress" max={1} value={run.complete ? 1 : state.progress} aria-label={t('exercises.progressLabel')} />
    </div>
  );
}

/** The try's recent answers, newest first: correct, not correct, hint used, or unfinished. */
export function RecentAnswers({ run }: { run: ExerciseRun }) {
  const { t } = useTranslation();
  if (run.pastattempts.length === 0) return <p>{t('exercises.recentEmpty')}</p>;
  return (
    <ol className="attempt-marks" aria-label={t('exercises.recentTitle')} data-testid="recent-answers">
      {run.pastattempts.map((attempt, index) => {
        const mark = attempt.hinted ? 'hinted' : attempt.correct >= 1 ? 'correct' : 'wrong';
        return (
          <li key={attempt.id ?? index} className={mark === 'correct' ? 'attempt-correct' : undefined}>
            {t(`exercises.mark.${mark}`)}
          </li>
        );
      })}
    </ol>
  );
}
