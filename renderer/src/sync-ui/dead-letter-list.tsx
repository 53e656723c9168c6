import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { DeadLetterItem } from './dead-letter-item';
import type { DeadLetterActions } from './dead-letter-item';
import { discardDeadLetter, readDeadLetters, resendDeadLetter, retryDeadLetter } from '../sync/dead-letters';
import { useInstructor } from '../auth/instructor-context';

type Notice = { kind: 'retried' } | { kind: 'resent' } | { kind: 'discarded'; stranded: number } | { kind: 'gone' } | { kind: 'failed'; reason: string };

/** The operations the API refused for good, live from the outbox, each to retry or discard. */
export function DeadLetterList() {
  const { t } = useTranslation();
  const { db } = useServices();
  const { guard } = useInstructor();
  const report = useLiveQuery(() => readDeadLetters(db), [db]);
  // Kept here, not in the item: the item is gone from the list once its action succeeds.
  const [notice, setNotice] = useState<Notice | null>(null);

  async function attempt(run: () => Promise<Notice>) {
    setNotice(null);
    try {
      setNotice(await run());
    } catch (error) {
      setNotice({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  const actions: DeadLetterActions = {
    // The scheduler sees the outbox's pending count grow and sends it by itself.
    retry: (id) => attempt(async () => ((await retryDeadLetter(db, guard, id, new Date())) ? { kind: 'retried' } : { kind: 'gone' })),
    discard: (id) =>
      attempt(async () => {
        const count = await discardDeadLetter(db, guard, id, new Date());
        return count > 0 ? { kind: 'discarded', stranded: count - 1 } : { kind: 'gone' };
      }),
    resend: async (id, body) => {
      setNotice(null);
      try {
        const result = await resendDeadLetter(db, guard, id, body, new Date());
        if (result.ok) setNotice({ kind: 'resent' });
        else if (result.reason === 'not_dead') setNotice({ kind: 'gone' });
        return result.ok ? result : { ok: false, issues: result.issues };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        setNotice({ kind: 'failed', reason });
        return { ok: false, issues: [] };
      }
    },
  };

  return (
    <section className="card dead-letters" aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title">{t('sync.dead.title')}</h2>
      <p className="hint">{t('sync.dead.hint')}</p>
      {report && report.blocked > 0 && (
        <p className="warn" data-testid="blocked-count">
          {t('sync.dead.blocked', { count: report.blocked })}
        </p>
      )}
      {report && report.letters.length === 0 && <p>{t('sync.dead.empty')}</p>}
      {report && report.letters.length > 0 && (
        <ul className="dead-letter-list" aria-labelledby="dead-letters-title">
          {report.letters.map((letter) => (
            <DeadLetterItem key={letter.op.id} letter={letter} actions={actions} />
          ))}
        </ul>
      )}
      {notice?.kind === 'retried' && <p role="status">{t('sync.dead.retried')}</p>}
      {notice?.kind === 'resent' && <p role="status">{t('sync.dead.resent')}</p>}
      {notice?.kind === 'discarded' && <p role="status">{notice.stranded > 0 ? t('sync.dead.discardedStranded', { count: notice.stranded }) : t('sync.dead.discardedOne')}</p>}
      {notice?.kind === 'gone' && <p role="status">{t('sync.dead.gone')}</p>}
      {notice?.kind === 'failed' && <p role="alert">{t('sync.dead.actionFailed', { reason: notice.reason })}</p>}
    </section>
  );
}
