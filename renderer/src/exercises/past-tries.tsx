import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasteryLog } from '../../../shared/schemas/mastery-log';
import { formatDateTime } from '../i18n/format';
import type { LoggerClient } from '../local-server/logger-client';

interface PastTriesProps {
  readonly client: LoggerClient;
  readonly content: string;
  readonly user: string;
  /** Changes whenever an answer is recorded, so the list is read again. */
  readonly version: number;
}

/** The learner's tries at this content (GET /api/logger/masterylog), newest first. */
export function PastTries({ client, content, user, version }: PastTriesProps) {
  const { t, i18n } = useTranslation();
  const [tries, setTries] = useState<MasteryLog[] | null>(null);
  useEffect(() => {
    let live = true;
    void client.masteryLogs({ content, user }).then((result) => {
      if (live) setTries(result.ok ? result.value : []);
    });
    return () => {
      live = false;
    };
  }, [client, content, user, version]);
  if (tries === null) return null;
  return (
    <section className="card" aria-labelledby="past-tries-title">
      <h2 id="past-tries-title">{t('exercises.tries.title')}</h2>
      {tries.length === 0 ? (
        <p>{t('exercises.tries.empty')}</p>
      ) : (
        <ol data-testid="past-tries">
          {tries.map((log) => (
            <li key={log.id}>
              {t('exercises.tries.row', {
                date: formatDateTime(log.start_timestamp, i18n.language),
                count: log.correct,
                status: t(log.complete ? (log.mastery_criterion.type === 'quiz' ? 'exercises.status.submitted' : 'exercises.status.mastered') : 'exercises.status.inProgress'),
              })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
