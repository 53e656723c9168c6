import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUCTOR_SECRET_MIN_LENGTH } from '../../../shared/ipc/instructor-contract';
import { FormField } from '../ui/form-field';
import { useInstructor } from './instructor-context';
import { instructorErrorText } from './instructor-error-text';

/**
 * A new kiosk asks for the instructor passphrase before anything else: until one exists, nothing that
 * changes other people's data can be protected, so nothing else is offered.
 */
export function FirstRunSetup() {
  const { t, i18n } = useTranslation();
  const { setup } = useInstructor();
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tooShort = [...secret].length < INSTRUCTOR_SECRET_MIN_LENGTH;
  const mismatch = secret !== again;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (tooShort || mismatch) return;
    setBusy(true);
    const outcome = await setup(secret).finally(() => setBusy(false));
    setError(outcome.ok ? null : instructorErrorText(t, outcome.error, i18n.language));
  }

  return (
    <section aria-labelledby="first-run-title">
      <h1 id="first-run-title">{t('instructor.firstRunTitle')}</h1>
      <p>{t('instructor.firstRunIntro')}</p>
      <form className="form card" onSubmit={(event) => void submit(event)} noValidate>
        <FormField label={t('instructor.newPassphrase')} hint={t('instructor.passphraseRule', { count: INSTRUCTOR_SECRET_MIN_LENGTH })} error={attempted && tooShort ? t('instructor.errors.weak', { count: INSTRUCTOR_SECRET_MIN_LENGTH }) : null}>
          {(control) => <input {...control} type="password" name="new-secret" autoComplete="new-password" value={secret} onChange={(event) => setSecret(event.target.value)} />}
        </FormField>
        <FormField label={t('instructor.repeatPassphrase')} error={attempted && !tooShort && mismatch ? t('instructor.errors.mismatch') : null}>
          {(control) => <input {...control} type="password" name="repeat-secret" autoComplete="new-password" value={again} onChange={(event) => setAgain(event.target.value)} />}
        </FormField>
        {error && <p role="alert">{error}</p>}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('instructor.finishSetup')}
          </button>
        </div>
      </form>
    </section>
  );
}
