import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { classDifficultQuestions } from '../data/class-exercise-detail';
import type { OutpostDb } from '../db/outpost-db';
import { questionNumber } from './question-label';

/** Questions of one exercise most of the class got wrong on their latest answer, live. */
export function DifficultQuestions({ db, contentId, learnerIds }: { db: OutpostDb; contentId: string; learnerIds: readonly string[] }) {
  const { t } = useTranslation();
  const questions = useLiveQuery(() => classDifficultQuestions(db, contentId, learnerIds), [db, contentId, learnerIds.join()]);
  if (questions === undefined) return null;
  return (
    <section aria-labelledby="difficult-title">
      <h3 id="difficult-title">{t('console.difficult.title')}</h3>
      {questions.length === 0 ? (
        <p>{t('console.difficult.none')}</p>
      ) : (
        <ol className="difficult">
          {questions.map((q) => {
            const number = questionNumber(contentId, q.item);
            return (
              <li key={q.item}>
                {number === null ? t('console.difficult.item', { item: q.item }) : t('console.difficult.question', { number })} — {t('console.difficult.wrong', { wrong: q.wrong, answered: q.answered })}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
