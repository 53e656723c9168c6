import { useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTES_MAX_LENGTH, SCORE_MAX, TIME_SPENT_MAX_MINUTES } from '../../../shared/schemas/vr-session-complete';
import { codePointLength } from '../../../shared/text/code-point-length';
import type { VrSession } from '../../../shared/schemas/vr-session';
import type { ApiErrorCode } from '../local-server/api-result';
import { FormField } from '../ui/form-field';
import { useDraft } from '../drafts/use-draft';
import { useVrSessionsClient } from './use-vr-sessions-client';
import { checkCompletion, errorsFromDetails } from './completion-form';
import type { CompletionErrors, CompletionField } from './completion-form';

const LIMITS: Record<CompletionField, number> = { score: SCORE_MAX, time_spent_minutes: TIME_SPENT_MAX_MINUTES, notes: NOTES_MAX_LENGTH };

/**
 * The seed's self-report. Nothing is sent until the checks the API applies pass; after a first try they
 * run on every keystroke, so each message goes away as soon as its field is fixed.
 */
export function CompleteSessionForm({ session }: { session: VrSession }) {
  const { t } = useTranslation();
  const client = useVrSessionsClient();
  const [score, setScore] = useState('');
  const [minutes, setMinutes] = useState('');
  const [notes, setNotes] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<CompletionErrors>({});
  const [formError, setFormError] = useState<ApiErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  // What the learner typed survives a sign-out (idle or not) and a reload, for them only.
  const draft = useDraft(`vr-complete:${session.id}`, { score, minutes, notes }, (saved) => {
    setScore(saved.score ?? '');
    setMinutes(saved.minutes ?? '');
    setNotes(saved.notes ?? '');
  });
  const scoreRequired = session.completion_mode === 'score_entry';
  const check = checkCompletion({ mode: session.completion_mode, score, minutes, notes });
  // Counted like the schema counts them, so the counter and the limit always agree (emoji are one each).
  const notesLength = codePointLength(notes);
  const errors: CompletionErrors = { ...serverErrors, ...(attempted && !check.ok ? check.errors : {}) };
  // Limits come from the shared schema, so a message never disagrees with the rule it explains.
  const message = (field: CompletionField) => {
    const error = errors[field];
    return error && t(`sessions.form.errors.${error}`, { max: LIMITS[field] });
  };
  // Typing in a field retires what the server said about it; the local checks speak for it from then on.
  const change = (field: CompletionField, set: (value: string) => void) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    set(event.target.value);
    setServerErrors(({ [field]: _retired, ...rest }) => rest);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setFormError(null);
    if (!check.ok || !client) return;
    setBusy(true);
    const result = await client.complete(session.id, check.body);
    setBusy(false);
    // On success the session list refetches (Dexie signals the write) and this form is replaced.
    if (result.ok) {
      await draft.discard();
      return;
    }
    const placed = result.code === 'VALIDATION_ERROR' ? errorsFromDetails(result.details) : { errors: {}, unplaced: [] };
    setServerErrors(placed.errors);
    if (placed.unplaced.length > 0 || Object.keys(placed.errors).length === 0) setFormError(result.code);
  }

  return (
    <form className="form complete-form" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('sessions.form.title')}</h3>
      <p className="hint">{t(scoreRequired ? 'sessions.form.hintScoreEntry' : 'sessions.form.hintSelfReport')}</p>
      {draft.restored && <p role="status">{t('drafts.restored')}</p>}
      <FormField label={t(scoreRequired ? 'sessions.form.score' : 'sessions.form.scoreOptional', { max: SCORE_MAX })} error={message('score')}>
        {(control) => <input {...control} name="score" inputMode="decimal" autoComplete="off" aria-required={scoreRequired} value={score} onChange={change('score', setScore)} />}
      </FormField>
      <FormField label={t('sessions.form.minutes')} error={message('time_spent_minutes')}>
        {(control) => <input {...control} name="time_spent_minutes" inputMode="decimal" autoComplete="off" value={minutes} onChange={change('time_spent_minutes', setMinutes)} />}
      </FormField>
      <FormField
        label={t('sessions.form.notes')}
        error={message('notes')}
        hint={t('sessions.form.notesCounter', { length: notesLength, max: NOTES_MAX_LENGTH })}
        hintClassName={notesLength > NOTES_MAX_LENGTH ? 'counter over' : 'counter'}
      >
        {(control) => <textarea {...control} name="notes" rows={3} value={notes} onChange={change('notes', setNotes)} />}
      </FormField>
      <button type="submit" disabled={busy}>
        {t(busy ? 'sessions.form.saving' : 'sessions.form.submit')}
      </button>
      {formError && <p role="alert">{t(`apiErrors.${formError}`)}</p>}
    </form>
  );
}
