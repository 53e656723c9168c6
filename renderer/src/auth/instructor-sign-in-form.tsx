import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import { useInstructor } from './instructor-context';
import { instructorErrorText } from './instructor-error-text';

/** The instructor's passphrase, checked (and locked out after repeated failures) by main. */
export function InstructorSignInForm() {
  const { t, i18n } = useTranslation();
  const { signIn } = useInstructor();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await signIn(secret).finally(() => setBusy(false));
    // The passphrase never stays in the page longer than the attempt.
    setSecret('');
    setError(outcome.ok ? null : instructorErrorText(t, outcome.error, i18n.language));
  }

  return (
    <form className="form card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="instructor-sign-in-title">
      <h2 id="instructor-sign-in-title">{t('instructor.signInTitle')}</h2>
      <FormField label={t('instructor.passphrase')} error={error}>
        {(control) => (
          <input {...control} type="password" name="instructor-secret" autoComplete="current-password" value={secret} onChange={(event) => setSecret(event.target.value)} />
        )}
      </FormField>
      <div className="actions">
        <button type="submit" disabled={busy || secret === ''}>
          {t('instructor.signIn')}
        </button>
      </div>
    </form>
  );
}
