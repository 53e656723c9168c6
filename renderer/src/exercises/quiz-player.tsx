import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inLocale } from '../../../shared/exercises/exercise-schema';
import type { PlayableQuiz } from '../../../shared/exercises/exercise-schema';
import { readItemInput } from '../../../shared/exercises/item-input';
import { scoreItem, simpleAnswer } from '../../../shared/exercises/score-item';
import type { ItemInput } from '../../../shared/exercises/score-item';
import type { LoggerClient } from '../local-server/logger-client';
import { ItemView } from './item-view';
import { loggerFailureText } from './logger-failure';
import { PastTries } from './past-tries';
import { applyQuizUpdate, quizAnswerUpdate, quizFromStart, quizScore, quizSubmitUpdate, secondsSince } from './quiz-run';
import type { QuizRun } from './quiz-run';
import './exercises.css';

/**
 * A coach quiz: every question on one page, each answer saved (and replaceable) until the learner
 * submits. Submitting completes it; after that the API refuses any change (403), which is said in words.
 */
export function QuizPlayer({ client, quiz, learnerId, onBack }: { client: LoggerClient; quiz: PlayableQuiz; learnerId: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const [run, setRun] = useState<QuizRun | null>(null);
  const [inputs, setInputs] = useState<Record<string, ItemInput>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const openedAt = useRef(0);

  useEffect(() => {
    let live = true;
    void client.start({ quiz_id: quiz.quiz_id }).then((result) => {
      if (!live) return;
      if (!result.ok) return setFailure(loggerFailureText(t, result));
      openedAt.current = Date.now();
      const started = quizFromStart(result.value, quiz.assessment_item_ids);
      setRun(started);
      setInputs(Object.fromEntries(Object.entries(started.attempts).map(([item, attempt]) => [item, readItemInput(attempt.answer)])));
    });
    return () => {
      live = false;
    };
  }, [client, quiz, t]);

  const send = async (current: QuizRun, body: Parameters<typeof applyQuizUpdate>[1]) => {
    setBusy(true);
    const result = await client.update(current.sessionId, body);
    setBusy(false);
    if (!result.ok) {
      setFailure(loggerFailureText(t, result));
      return null;
    }
    setFailure(null);
    const next = applyQuizUpdate(current, body, result.value);
    setRun(next);
    setVersion((v) => v + 1);
    return next;
  };

  const title = <h1 id="quiz-title">{inLocale(quiz.title, i18n.language)}</h1>;
  const back = (
    <button type="button" className="secondary" onClick={onBack}>
      {t('exercises.back')}
    </button>
  );
  if (!run) {
    return (
      <section aria-labelledby="quiz-title">
        {back}
        {title}
        {failure ? <p role="alert">{failure}</p> : <p>{t('exercises.loading')}</p>}
      </section>
    );
  }
  const save = async (itemId: string) => {
    const translations = quiz.assessment_items[itemId];
    if (!translations) return;
    const item = inLocale(translations, i18n.language);
    const input = inputs[itemId] ?? {};
    const score = scoreItem(item, input);
    if (score.kind === 'invalid') return setNotes({ ...notes, [itemId]: t(`exercises.invalid.${score.reason}`) });
    const body = quizAnswerUpdate(run, itemId, { correct: score.correct, answer: { ...input }, simpleAnswer: simpleAnswer(item, input) }, secondsSince(openedAt.current));
    if (await send(run, body)) setNotes({ ...notes, [itemId]: t('exercises.quiz.saved') });
  };
  const answered = Object.keys(run.attempts).length;
  const score = quizScore(run);
  return (
    <section aria-labelledby="quiz-title">
      {back}
      {title}
      <p data-testid="quiz-answered">{t('exercises.quiz.answered', { answered, total: run.itemIds.length })}</p>
      {run.submitted && (
        <p className="notice" role="status">
          {t('exercises.quiz.submitted', { correct: score.correct, total: score.total })}
        </p>
      )}
      {failure && <p role="alert">{failure}</p>}
      {run.itemIds.map((itemId, index) => {
        const translations = quiz.assessment_items[itemId];
        if (!translations) return null;
        return (
          <form
            key={itemId}
            className="card"
            aria-label={t('exercises.quiz.question', { number: index + 1 })}
            onSubmit={(event) => {
              event.preventDefault();
              void save(itemId);
            }}
          >
            <h2>{t('exercises.quiz.question', { number: index + 1 })}</h2>
            <ItemView item={inLocale(translations, i18n.language)} input={inputs[itemId] ?? {}} onChange={(input) => setInputs({ ...inputs, [itemId]: input })} disabled={busy || run.submitted} seed={`${learnerId}:${itemId}`} />
            <div className="exercise-actions">
              <button type="submit" disabled={busy || run.submitted}>
                {t('exercises.quiz.save')}
              </button>
            </div>
            {notes[itemId] && <p role="status">{notes[itemId]}</p>}
          </form>
        );
      })}
      <div className="exercise-actions">
        <button type="button" disabled={busy || run.submitted || answered === 0} onClick={() => void send(run, quizSubmitUpdate(run))}>
          {t('exercises.quiz.submit')}
        </button>
      </div>
      <PastTries client={client} content={quiz.quiz_id} user={learnerId} version={version} />
    </section>
  );
}
