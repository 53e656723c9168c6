import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import { importRoster } from '../data/roster';
import { readRosterFile } from './roster-file';
import type { RosterProblem } from './roster-file';
import { rosterProblemText } from './roster-problem-text';
import { RefusedFile } from './refused-file';

type Outcome = { kind: 'imported'; count: number } | { kind: 'refused'; file: string; problems: RosterProblem[] } | { kind: 'saveFailed'; reason: string };

export function RosterImportForm() {
  const { t } = useTranslation();
  const { ports } = useServices();
  const { guard } = useInstructor();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const check = await readRosterFile(file);
    // Cleared so that picking the same file again, once fixed, fires another change.
    input.value = '';
    if (!check.ok) {
      setOutcome({ kind: 'refused', file: file.name, problems: check.problems });
      return;
    }
    try {
      setOutcome({ kind: 'imported', count: await importRoster(ports, guard, check.roster) });
    } catch (error) {
      setOutcome({ kind: 'saveFailed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="form">
      <h2>{t('roster.importTitle')}</h2>
      <p className="hint">{t('roster.importHint')}</p>
      <FormField label={t('roster.importFile')}>
        {(control) => <input {...control} type="file" name="roster-file" accept=".json,application/json" onChange={(event) => void onFile(event)} />}
      </FormField>
      {outcome?.kind === 'imported' && <p role="status">{t('roster.imported', { count: outcome.count })}</p>}
      {outcome?.kind === 'saveFailed' && <p role="alert">{t('roster.saveFailed', { reason: outcome.reason })}</p>}
      {outcome?.kind === 'refused' && <RefusedFile file={outcome.file} problems={outcome.problems.map((problem) => rosterProblemText(t, problem))} />}
    </div>
  );
}
