import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import type { DeadLetter } from '../sync/dead-letters';
import { operationKindKey } from '../sync/operation-kind';
import { DeadLetterFixForm } from './dead-letter-fix-form';
import type { ResendOutcome } from './dead-letter-fix-form';
import { isKnownApiError } from './known-api-error';

export interface DeadLetterActions {
  retry(id: string): Promise<void>;
  discard(id: string): Promise<void>;
  /** Resends a corrected body; what the schema refused comes back in words. */
  resend(id: string, body: unknown): Promise<ResendOutcome>;
}

/**
 * One refused operation: what it was, for whom, why the API refused it, and the ways out: retry as it is,
 * correct and resend (a VR completion), or discard just it. Discarding asks first and says that what
 * needed it is not dropped but listed here in turn.
 */
export function DeadLetterItem({ letter, actions }: { letter: DeadLetter; actions: DeadLetterActions }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [fixing, setFixing] = useState(false);
  const [busy, setBusy] = useState(false);
  const { op, dependents } = letter;
  const what = t(`sync.kinds.${operationKindKey(op.kind)}`, { kind: op.kind });
  const error = op.last_error;
  // The reason in the user's language when the code is one we know; the API's own words otherwise.
  const known = error?.code && isKnownApiError(error.code) ? t(`apiErrors.${error.code}`) : null;
  const errorText = !error
    ? null
    : known && error.status === null
      ? t('sync.dead.errorKnownLocal', { reason: known, code: error.code })
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
      {fixing ? (
        <DeadLetterFixForm what={what} body={op.body} onResend={(body) => actions.resend(op.id, body)} onCancel={() => setFixing(false)} />
      ) : confirming ? (
        <div className="confirm" role="group" aria-label={t('sync.dead.confirmTitle', { what })}>
          <p>
            <strong>{t('sync.dead.confirmTitle', { what })}</strong>
          </p>
          <p>{dependents > 0 ? t('sync.dead.confirmStranded', { count: dependents }) : t('sync.dead.confirmAlone')}</p>
          <p className="hint">{t('sync.dead.confirmKeepsRecord')}</p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void act(actions.discard)}>
              {t('sync.dead.confirmDiscardOne')}
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
          {op.kind === 'vr_session.complete' && (
            <button type="button" className="secondary" disabled={busy} onClick={() => setFixing(true)}>
              {t('sync.dead.fix')}
            </button>
          )}
          <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(true)}>
            {t('sync.dead.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
