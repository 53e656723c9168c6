import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchUiLocale } from '../../../shared/i18n/locales';
import { useServices } from '../ui/services-context';
import { listLessons } from '../data/lesson-plays-queries';
import { localTitle } from './lesson-text';
import { useLessonPlaysClient } from './use-lesson-plays-client';

/** The catalog's lessons, each with a Start button: a new play in the UI's language, then its detail. */
export function LessonStartList({ onStarted }: { onStarted: (playId: string) => void }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const client = useLessonPlaysClient();
  const lessons = useLiveQuery(() => listLessons(db), [db]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!lessons) return null;
  const start = async (lessonId: string) => {
    if (!client || busy) return;
    setBusy(true);
    const result = await client.create({ lessonId, locale: matchUiLocale(i18n.language) });
    setBusy(false);
    if (result.ok) {
      setFailure(null);
      onStarted(result.value.lessonPlayId);
    } else setFailure(result.message);
  };
  return (
    <section aria-labelledby="lesson-start-title" className="card">
      <h2 id="lesson-start-title">{t('lessonPlays.start.title')}</h2>
      {failure && <p role="alert">{t('lessonPlays.start.failed', { reason: failure })}</p>}
      {lessons.length === 0 ? (
        <p>{t('lessonPlays.start.none')}</p>
      ) : (
        <ul className="lesson-start">
          {lessons.map((lesson) => {
            const title = localTitle(lesson.title, i18n.language) ?? lesson.id;
            return (
              <li key={lesson.id}>
                <button type="button" className="secondary" disabled={busy} onClick={() => void start(lesson.id)}>
                  {t('lessonPlays.start.button', { title })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
