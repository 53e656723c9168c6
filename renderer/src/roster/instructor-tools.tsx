import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services-context';
import { PinManagementForm } from './pin-management-form';
import { RosterImportForm } from './roster-import-form';

/**
 * Folded away from learners' eyes, except on a kiosk with no class list yet, where importing one is the
 * only thing to do. Once opened (by hand or by that default) it stays open, so an import's result stays visible.
 */
export function InstructorTools() {
  const { t } = useTranslation();
  const { db } = useServices();
  const count = useLiveQuery(() => db.learners.count(), [db]);
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? count === 0;
  return (
    <details className="card instructor-tools" open={open} onToggle={(event) => setToggled(event.currentTarget.open)}>
      <summary>{t('roster.toolsTitle')}</summary>
      <RosterImportForm />
      {count !== undefined && count > 0 && <PinManagementForm />}
    </details>
  );
}
