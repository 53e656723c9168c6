import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import { MAX_HEADSET_NAME, nameHeadset } from '../data/headset-names';
import type { NameOutcome } from '../data/headset-names';

/** The headset's name as painted on its strap; kept by serial on this kiosk. Blank clears it. */
export function HeadsetNameForm({ serial, name }: { serial: string; name: string | null }) {
  const { t } = useTranslation();
  const { ports } = useServices();
  const { guard } = useInstructor();
  const [value, setValue] = useState(name ?? '');
  const [outcome, setOutcome] = useState<NameOutcome | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setOutcome(await nameHeadset(ports, guard, serial, value));
  }

  const refused = outcome === 'taken' || outcome === 'tooLong';
  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      <FormField label={t('headsets.name.label', { serial })} error={refused ? t(`headsets.name.${outcome}`, { limit: MAX_HEADSET_NAME }) : null}>
        {(control) => <input {...control} name="headset-name" value={value} onChange={(event) => setValue(event.target.value)} />}
      </FormField>
      <button type="submit">{t('headsets.name.save')}</button>
      {(outcome === 'named' || outcome === 'cleared') && <span role="status">{t(`headsets.name.${outcome}`)}</span>}
    </form>
  );
}
