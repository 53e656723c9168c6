import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseFile } from '../../../shared/exercises/exercise-schema';
import { inLocale } from '../../../shared/exercises/exercise-schema';
import type { LoggerClient } from '../local-server/logger-client';
import { exerciseKey, SAMPLE_EXERCISES } from './sample-exercises';

type Status = 'notStarted' | 'inProgress' | 'mastered' | 'submitted';

/** Each exercise's status from the learner's tries (GET /api/logger/masterylog): any finished try counts. */
function useStatuses(client: LoggerClient, learnerId: string): Record<string, Status> | null {
  const [statuses, setStatuses] = useState<Record<string, Status> | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all(
      SAMPLE_EXERCISES.map(async (file): Promise<[string, Status]> => {
        const key = exerciseKey(file);
        const result = await client.masteryLogs({ content: key, user: learnerId });
        const tries = result.ok ? result.value : [];
        if (tries.some((log) => log.complete)) return [key, file.kind === 'quiz' ? 'submitted' : 'mastered'];
        return [key, tries.length > 0 ? 'inProgress' : 'notStarted'];
      }),
    ).then((entries) => {
      if (live) setStatuses(Object.fromEntries(entries));
    });
    return () => {
      live = false;
    };
  }, [client, learnerId]);
  return statuses;
}

/** The exercises and quizzes on this kiosk, with the learner's status for each. */
export function ExerciseList({ client, learnerId, onOpen }: { client: LoggerClient; learnerId: string; onOpen: (file: ExerciseFile) => void }) {
  const { t, i18n } = useTranslation();
  const statuses = useStatuses(client, learnerId);
  return (
    <table className="table" data-testid="exercise-list">
      <thead>
        <tr>
          <th>{t('exercises.list.name')}</th>
          <th>{t('exercises.list.kind')}</th>
          <th>{t('exercises.list.status')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {SAMPLE_EXERCISES.map((file) => {
          const key = exerciseKey(file);
          const title = inLocale(file.title, i18n.language);
          const status = statuses?.[key];
          return (
            <tr key={key}>
              <td>{title}</td>
              <td>{t(`exercises.kind.${file.kind}`)}</td>
              <td>{status ? t(`exercises.status.${status}`) : ''}</td>
              <td>
                <button type="button" onClick={() => onOpen(file)} aria-label={t('exercises.list.open', { title })}>
                  {t('exercises.list.openShort')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
