import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import { listRoster, setLearnerPin } from '../data/roster';
import { checkPinInput } from './pin-input';
import { sortLearners } from '../data/roster-order';

type Errors = { learner?: 'learnerRequired'; pin?: 'pinFormat' };
type Status = { kind: 'set' | 'cleared'; name: string } | { kind: 'gone' } | null;

export function PinManagementForm() {
  const { t, i18n } = useTranslation();
  const { ports } = useServices();
  const { guard } = useInstructor();
  const learners = useLiveQuery(() => listRoster(ports), [ports]);
  const sorted = useMemo(() => sortLearners(learners ?? [], i18n.language), [learners, i18n.language]);
  const [learnerId, setLearnerId] = useState('');
  const [pin, setPin] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const selected = sorted.find((learner) => learner.id === learnerId);

  // Checked live once a save was tried, so the message goes away as soon as the PIN is fixed.
  const errors: Errors = {};
  if (attempted && !selected) errors.learner = 'learnerRequired';
  const pinError = checkPinInput(pin);
  if (attempted && pinError) errors.pin = pinError;

  async function apply(action: 'set' | 'clear') {
    setStatus(null);
    if (action === 'set') setAttempted(true);
    if (!selected || (action === 'set' && pinError)) return;
    setBusy(true);
    const saved = await setLearnerPin(ports, guard, selected.id, action === 'set' ? pin : null).finally(() => setBusy(false));
    setStatus(saved ? { kind: action === 'set' ? 'set' : 'cleared', name: selected.display_name } : { kind: 'gone' });
    setPin('');
    setAttempted(false);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void apply('set');
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <h2>{t('roster.pinTitle')}</h2>
      <p className="hint">{t('roster.pinHint')}</p>
      <FormField label={t('roster.pinLearner')} error={errors.learner && t(`roster.errors.${errors.learner}`)}>
        {(control) => (
          <select {...control} name="pin-learner" value={learnerId} onChange={(event) => setLearnerId(event.target.value)}>
            <option value="">{t('roster.pinChoose')}</option>
            {sorted.map((learner) => (
              <option key={learner.id} value={learner.id}>
                {learner.locked_until ? t('roster.pinLocked', { name: learner.display_name }) : learner.has_pin ? t('roster.pinHas', { name: learner.display_name }) : learner.display_name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('roster.pinNew')} error={errors.pin && t(`roster.errors.${errors.pin}`)}>
        {(control) => (
          <input {...control} type="password" name="new-pin" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(event) => setPin(event.target.value)} />
        )}
      </FormField>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('roster.pinSet')}
        </button>
        <button type="button" className="secondary" disabled={busy || !selected?.has_pin} onClick={() => void apply('clear')}>
          {t('roster.pinClear')}
        </button>
      </div>
      {status && status.kind !== 'gone' && <p role="status">{t(status.kind === 'set' ? 'roster.pinSaved' : 'roster.pinCleared', { name: status.name })}</p>}
      {status?.kind === 'gone' && <p role="alert">{t('roster.errors.learnerGone')}</p>}
    </form>
  );
}
