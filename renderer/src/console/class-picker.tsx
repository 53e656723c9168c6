import { useTranslation } from 'react-i18next';
import { Labelled } from './labelled';
import type { ClassRow } from '../db/schema-v11';

/** Which class the console shows: one at a time. */
export function ClassPicker({ classes, value, onChange }: { classes: readonly ClassRow[]; value: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Labelled label={t('console.class')}>
      {(id) => (
        <select id={id} name="class" value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
          {value === null && <option value="">{t('console.chooseClass')}</option>}
          {classes.map((row) => (
            <option key={row.id} value={row.id}>
              {row.name}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}
