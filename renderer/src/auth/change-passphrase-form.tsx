import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUCTOR_SECRET_MIN_LENGTH } from '../../../shared/ipc/instructor-contract';
import { FormField } from '../ui/form-field';
import { useInstructor } from './instructor-context';
import { instructorErrorText } from './instructor-error-text';

export function ChangePassphraseForm() {
  const { t, i18n } = useTranslation();
  const { changeSecret } = useInstructor();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await changeSecret(current, next);
    setCurrent('');
    setNext('');
    setMessage(outcome.ok ? { ok: true, text: t('instructor.passphraseChanged') } : { ok: false, text: instructorErrorText(t, outcome.error, i18n.language) });
  }

  return (
    <form className="form card" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('instructor.changeTitle')}</h2>
      <FormField label={t('instructor.currentPassphrase')}>
        {(control) => <input {...control} type="password" name="current-secret" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />}
      </FormField>
      <FormField label={t('instructor.newPassphrase')} hint={t('instructor.passphraseRule', { count: INSTRUCTOR_SECRET_MIN_LENGTH })}>
        {(control) => <input {...control} type="password" name="next-secret" autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} />}
      </FormField>
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      <div className="actions">
        <button type="submit" disabled={current === '' || next === ''}>
          {t('instructor.change')}
        </button>
      </div>
    </form>
  );
}
