import { useTranslation } from 'react-i18next';
import type { OpenSession } from './use-open-sessions';

interface SessionAssignSelectProps {
  readonly packageTitle: string;
  readonly sessions: readonly OpenSession[];
  readonly value: string | null;
  /** Sessions already put on another headset; one learner plays on one headset. */
  readonly taken: ReadonlySet<string>;
  readonly onChange: (sessionId: string | null) => void;
}

/** Whose session this headset's install and launch are for, so their timestamps land on the right learner. */
export function SessionAssignSelect({ packageTitle, sessions, value, taken, onChange }: SessionAssignSelectProps) {
  const { t } = useTranslation();
  // A session that moved on (launched, completed) drops out of the list; the select then shows nobody.
  const current = value !== null && sessions.some((s) => s.id === value) ? value : '';
  return (
    <label className="assign">
      <span>{t('headsets.assign.label', { title: packageTitle })}</span>
      <select value={current} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{t('headsets.assign.none')}</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id} disabled={taken.has(s.id) && s.id !== value}>
            {t('headsets.assign.option', { name: s.learnerName, status: t(`vrStatus.${s.status}`) })}
          </option>
        ))}
      </select>
    </label>
  );
}
