import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import type { DeadLetter } from '../sync/dead-letters';
import { operationKindKey } from '../sync/operation-kind';
import { isKnownApiError } from './known-api-error';

export interface DeadLetterActions {
  retry(id: string): Promise<void>;
  discard(id: string): Promise<void>;
}

/**
 * One refused operation: what it was, for whom, why the API refused it, and the two ways out. Discarding
 * asks first, naming how many queued changes go with it, because that cannot be undone.
 */
export function DeadLetterItem({ letter, actions }: { letter: DeadLetter; actions: DeadLetterActions }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const { op, dependents } = letter;
  const what = t(`sync.kinds.${operationKindKey(op.kind)}`, { kind: op.kind });
  const error = op.last_error;
  // The reason in the user's language when the code is one we know; the API's own words otherwise.
  const known = error?.code && isKnownApiError(error.code) ? t(`apiErrors.${error.code}`) : null;
  const errorText = !error
    ? null
    : known
      ? t('sync.dead.errorKnown', { reason: known, code: error.code, status: error.status })
      : error.code
        ? t('sync.dead.errorWithCode', { code: error.code, status: error.status, message: error.message })
        : t('sync.dead.errorWithoutCode', { status: error.status, message: error.message });

  async function act(action: (id: string) => Promise<void>) {
    setBusy(true);
    try {
      await action(op.id);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="card dead-letter" aria-labelledby={headingId}>
      <h3 id={headingId}>{what}</h3>
      <dl className="facts">
        <dt>{t('sync.dead.facts.learner')}</dt>
        <dd>{letter.learnerName ?? t('sync.dead.noLearner')}</dd>
        {letter.subject && (
          <>
            <dt>{t('sync.dead.facts.subject')}</dt>
            <dd>{letter.subject}</dd>
          </>
        )}
        {errorText && (
          <>
            <dt>{t('sync.dead.facts.error')}</dt>
            <dd className="warn">{errorText}</dd>
          </>
        )}
        <dt>{t('sync.dead.facts.when')}</dt>
        <dd>{formatDateTime(op.updated_at, i18n.language)}</dd>
        <dt>{t('sync.dead.facts.dependents')}</dt>
        <dd>{dependents}</dd>
      </dl>
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('sync.dead.confirmTitle', { what })}>
          <p>
            <strong>{t('sync.dead.confirmTitle', { what })}</strong>
          </p>
          <p>{dependents > 0 ? t('sync.dead.confirmDependents', { count: dependents }) : t('sync.dead.confirmAlone')}</p>
          <p className="hint">{t('sync.dead.confirmKeepsRecord')}</p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void act(actions.discard)}>
              {t('sync.dead.confirmDiscard', { count: dependents + 1 })}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('sync.dead.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void act(actions.retry)}>
            {t('sync.dead.retry')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(true)}>
            {t('sync.dead.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
