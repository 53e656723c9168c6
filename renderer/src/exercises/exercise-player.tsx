import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inLocale } from '../../../shared/exercises/exercise-schema';
import type { PlayableExercise } from '../../../shared/exercises/exercise-schema';
import { scoreItem, simpleAnswer } from '../../../shared/exercises/score-item';
import type { ItemInput } from '../../../shared/exercises/score-item';
import type { InvalidReason } from '../../../shared/exercises/widget-result';
import type { LoggerClient } from '../local-server/logger-client';
import { applyUpdate, interactionUpdate, nextQuestion, runFromStart } from './exercise-run';
import type { ExerciseRun } from './exercise-run';
import { HintList } from './hint-list';
import { ItemView } from './item-view';
import { loggerFailureText } from './logger-failure';
import { MasteryStatus, RecentAnswers } from './mastery-status';
import { PastTries } from './past-tries';
import './exercises.css';

type Feedback = { kind: 'correct' | 'wrong'; messages: readonly string[] } | { kind: 'invalid'; reason: InvalidReason };

/** One exercise: a question at a time, checked here, every answer and hint recorded through the logger. */
export function ExercisePlayer({ client, exercise, learnerId, onBack }: { client: LoggerClient; exercise: PlayableExercise; learnerId: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const [run, setRun] = useState<ExerciseRun | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [input, setInput] = useState<ItemInput>({});
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [hintsShown, setHintsShown] = useState(0);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const [round, setRound] = useState(0);
  const shownAt = useRef(0);

  useEffect(() => {
    let live = true;
    const { node_id, content_id, channel_id, assessmentmetadata } = exercise;
    void client.start({ node_id, content_id, channel_id, kind: 'exercise', mastery_model: assessmentmetadata.mastery_model, repeat: round > 0 }).then((result) => {
      if (!live) return;
      if (!result.ok) return setFailure(loggerFailureText(t, result));
      shownAt.current = Date.now();
      setRun(runFromStart(result.value, exercise, learnerId));
      setInput({});
      setFeedback(null);
      setHintsShown(0);
    });
    return () => {
      live = false;
    };
  }, [client, exercise, learnerId, round, t]);

  const record = useCallback(
    async (current: ExerciseRun, event: Parameters<typeof interactionUpdate>[1]) => {
      const body = interactionUpdate(current, event, (Date.now() - shownAt.current) / 1000);
      setBusy(true);
      const result = await client.update(current.sessionId, body);
      setBusy(false);
      if (!result.ok) {
        setFailure(loggerFailureText(t, result));
        return false;
      }
      setFailure(null);
      setRun(applyUpdate(current, body, result.value));
      setVersion((v) => v + 1);
      return true;
    },
    [client, t],
  );

  if (!run) return failure ? <p role="alert">{failure}</p> : <p>{t('exercises.loading')}</p>;
  const translations = exercise.assessment_items[run.current.item];
  if (!translations) return <p role="alert">{t('exercises.errors.failed', { message: run.current.item })}</p>;
  const item = inLocale(translations, i18n.language);
  const hints = item.hints;

  const check = async () => {
    const score = scoreItem(item, input);
    if (score.kind === 'invalid') return setFeedback({ kind: 'invalid', reason: score.reason });
    if (await record(run, { kind: 'answer', correct: score.correct, answer: { ...input }, simpleAnswer: simpleAnswer(item, input) })) {
      setFeedback({ kind: score.correct === 1 ? 'correct' : 'wrong', messages: score.messages });
    }
  };
  const takeHint = async () => {
    if (await record(run, { kind: 'hint', answer: { ...input } })) setHintsShown((n) => n + 1);
  };
  const next = () => {
    shownAt.current = Date.now();
    setRun(nextQuestion(run));
    setInput({});
    setFeedback(null);
    setHintsShown(0);
  };

  return (
    <section aria-labelledby="exercise-title">
      <button type="button" className="secondary" onClick={onBack}>
        {t('exercises.back')}
      </button>
      <h1 id="exercise-title">{inLocale(exercise.title, i18n.language)}</h1>
      <MasteryStatus run={run} />
      {run.complete && (
        <p className="notice" role="status">
          {t('exercises.masteredNotice')}{' '}
          <button type="button" className="secondary" onClick={() => setRound((r) => r + 1)}>
            {t('exercises.practiceAgain')}
          </button>
        </p>
      )}
      <form
        className="card"
        aria-label={t('exercises.questionLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <ItemView key={`${run.current.item}:${run.totalattempts}`} item={item} input={input} onChange={setInput} disabled={busy || run.current.solved} seed={`${learnerId}:${run.current.item}`} />
        {feedback && <FeedbackLine feedback={feedback} />}
        {failure && <p role="alert">{failure}</p>}
        <div className="exercise-actions">
          {run.current.solved ? (
            <button type="button" onClick={next}>
              {t('exercises.next')}
            </button>
          ) : (
            <button type="submit" disabled={busy}>
              {t('exercises.check')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => void takeHint()} disabled={busy || run.current.solved || hintsShown >= hints.length}>
            {hints.length === 0 ? t('exercises.noHints') : t('exercises.hint', { shown: hintsShown, total: hints.length })}
          </button>
        </div>
        {hints.length > 0 && run.current.attemptId === null && <p>{t('exercises.hintCounts')}</p>}
        <HintList hints={hints.slice(0, hintsShown)} />
      </form>
      <section className="card" aria-labelledby="recent-title">
        <h2 id="recent-title">{t('exercises.recentTitle')}</h2>
        <RecentAnswers run={run} />
      </section>
      <PastTries client={client} content={exercise.content_id} user={learnerId} version={version} />
    </section>
  );
}

function FeedbackLine({ feedback }: { feedback: Feedback }) {
  const { t } = useTranslation();
  const text = feedback.kind === 'invalid' ? t(`exercises.invalid.${feedback.reason}`) : t(feedback.kind === 'correct' ? 'exercises.correct' : 'exercises.wrong');
  const messages = feedback.kind === 'invalid' ? [] : feedback.messages;
  return (
    <p role="status" data-testid="answer-feedback">
      {[text, ...messages].join(' ')}
    </p>
  );
}
