import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import { importClassList } from '../data/class-import';
import type { ClassImportResult } from '../data/class-import';
import type { ClassListProblem } from './class-list-csv';
import { classNameFromFile, readClassListFile } from './class-list-file';
import { RefusedFile } from './refused-file';

type Outcome = { kind: 'imported'; name: string; result: ClassImportResult } | { kind: 'refused'; file: string; problems: ClassListProblem[] } | { kind: 'saveFailed'; reason: string };

/** Imports a class list exported by the school's system (CSV with a header row) into a named class. */
export function ClassImportForm() {
  const { t } = useTranslation();
  const { ports } = useServices();
  const { guard } = useInstructor();
  const [name, setName] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const check = await readClassListFile(file);
    input.value = '';
    if (!check.ok) {
      setOutcome({ kind: 'refused', file: file.name, problems: check.problems });
      return;
    }
    const className = name.trim() || classNameFromFile(file.name) || t('classes.untitled');
    try {
      setOutcome({ kind: 'imported', name: className, result: await importClassList(ports, guard, className, check.learners) });
    } catch (error) {
      setOutcome({ kind: 'saveFailed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="form">
      <h2>{t('classes.importTitle')}</h2>
      <p className="hint">{t('classes.importHint')}</p>
      <FormField label={t('classes.name')} hint={t('classes.nameHint')}>
        {(control) => <input {...control} name="class-name" maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />}
      </FormField>
      <FormField label={t('classes.file')}>
        {(control) => <input {...control} type="file" name="class-file" accept=".csv,.tsv,.txt,text/csv" onChange={(event) => void onFile(event)} />}
      </FormField>
      {outcome?.kind === 'imported' && <p role="status">{t('classes.imported', { name: outcome.name, added: outcome.result.added, updated: outcome.result.updated })}</p>}
      {outcome?.kind === 'saveFailed' && <p role="alert">{t('roster.saveFailed', { reason: outcome.reason })}</p>}
      {outcome?.kind === 'refused' && (
        <RefusedFile
          file={outcome.file}
          problems={outcome.problems.map((problem) => {
            const text = t(`classes.problems.${problem.kind}`, { limit: problem.limit });
            return problem.row === null ? text : t('classes.problemAt', { row: problem.row, problem: text });
          })}
        />
      )}
    </div>
  );
}
