import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A VR completion's body as the instructor may correct it: what the API most often refuses. */
interface CompletionBody {
  readonly score?: number;
  readonly time_spent_minutes?: number;
  readonly notes?: string;
}

export type ResendOutcome = { readonly ok: true } | { readonly ok: false; readonly issues: readonly string[] };

const asText = (value: number | undefined) => (value === undefined ? '' : String(value));

/** Empty means "none"; anything else is sent as typed and judged by the seed's schema (not here). */
function numberOrNone(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/**
 * Corrects a refused VR completion (score, time spent) and resends it. The data layer checks the body
 * with the seed's own request schema and says what is wrong in the schema's words.
 */
export function DeadLetterFixForm({ what, body, onResend, onCancel }: { what: string; body: unknown; onResend: (body: unknown) => Promise<ResendOutcome>; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const current = (body ?? {}) as CompletionBody;
  const [score, setScore] = useState(asText(current.score));
  const [minutes, setMinutes] = useState(asText(current.time_spent_minutes));
  const [issues, setIssues] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { score: _s, time_spent_minutes: _m, ...rest } = current;
      const nextScore = numberOrNone(score);
      const nextMinutes = numberOrNone(minutes);
      const outcome = await onResend({ ...rest, ...(nextScore === undefined ? {} : { score: nextScore }), ...(nextMinutes === undefined ? {} : { time_spent_minutes: nextMinutes }) });
      setIssues(outcome.ok ? [] : outcome.issues);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="fix-form" aria-label={t('sync.dead.fixTitle', { what })} onSubmit={(event) => void submit(event)}>
      <p className="hint">{t('sync.dead.fixHint')}</p>
      <label htmlFor={`${id}-score`}>{t('sync.dead.fixScore')}</label>
      <input id={`${id}-score`} inputMode="decimal" value={score} onChange={(event) => setScore(event.target.value)} />
      <label htmlFor={`${id}-minutes`}>{t('sync.dead.fixMinutes')}</label>
      <input id={`${id}-minutes`} inputMode="decimal" value={minutes} onChange={(event) => setMinutes(event.target.value)} />
      {issues.length > 0 && <p role="alert">{t('sync.dead.fixInvalid', { issues: issues.join('; ') })}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('sync.dead.fixSend')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {t('sync.dead.cancel')}
        </button>
      </div>
    </form>
  );
}
