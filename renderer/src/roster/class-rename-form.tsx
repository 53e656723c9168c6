import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import { renameClass } from '../data/classes';
import type { RenameOutcome } from '../data/classes';

/** Renames one class in place; a name another class has, or a blank one, is refused in words. */
export function ClassRenameForm({ classId, name, onDone }: { classId: string; name: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { ports } = useServices();
  const { guard } = useInstructor();
  const [value, setValue] = useState(name);
  const [refused, setRefused] = useState<Exclude<RenameOutcome, 'renamed'> | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await renameClass(ports, guard, classId, value);
    if (outcome === 'renamed') onDone();
    else setRefused(outcome);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      <FormField label={t('classes.newName', { name })} error={refused ? t(`classes.renameRefused.${refused}`) : null}>
        {(control) => <input {...control} name="class-rename" maxLength={80} value={value} onChange={(event) => setValue(event.target.value)} />}
      </FormField>
      <button type="submit">{t('classes.rename')}</button>
      <button type="button" onClick={onDone}>
        {t('classes.cancel')}
      </button>
    </form>
  );
}
