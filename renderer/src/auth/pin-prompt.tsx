import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import type { RosterEntry } from '../data/roster';
import { formatTime } from '../i18n/format';
import { useLearnerSession } from './learner-session-context';
import type { SignInOutcome } from './learner-session-context';

type PinError = Extract<SignInOutcome, { ok: false }>['reason'];

interface PinPromptProps {
  readonly learner: RosterEntry;
  readonly onCancel: () => void;
  readonly onSignedIn?: (() => void) | undefined;
}

export function PinPrompt({ learner, onCancel, onSignedIn }: PinPromptProps) {
  const { t, i18n } = useTranslation();
  const { signIn } = useLearnerSession();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<{ reason: PinError; lockedUntil?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await signIn(learner.id, pin);
    setBusy(false);
    if (outcome.ok) {
      onSignedIn?.();
      return;
    }
    setError({ reason: outcome.reason, lockedUntil: outcome.lockedUntil });
    // A wrong PIN is cleared so the next attempt starts from an empty field.
    setPin('');
  }

  return (
    <form className="form card" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('signIn.pinTitle', { name: learner.display_name })}</h2>
      <FormField label={t('signIn.pin')} error={error && (error.lockedUntil ? t('signIn.errors.lockedUntil', { time: formatTime(error.lockedUntil, i18n.language) }) : t(`signIn.errors.${error.reason}`))}>
        {(control) => (
          <input {...control} type="password" name="pin" inputMode="numeric" autoComplete="off" autoFocus value={pin} onChange={(event) => setPin(event.target.value)} />
        )}
      </FormField>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('signIn.cancel')}
        </button>
      </div>
    </form>
  );
}
