import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { ClassImportForm } from '../roster/class-import-form';
import { ClassListManager } from '../roster/class-list-manager';
import { LearnerManager } from '../roster/learner-manager';
import { countLearners } from '../data/roster';
import { CatalogReview } from '../roster/catalog-review';
import { PinManagementForm } from '../roster/pin-management-form';
import { RosterImportForm } from '../roster/roster-import-form';

/** The instructor's class list: import, PINs (and resetting a forgotten one), and what catalog pulls changed. */
export function ClassPage() {
  const { t } = useTranslation();
  const { ports } = useServices();
  const count = useLiveQuery(() => countLearners(ports), [ports]);
  return (
    <section aria-labelledby="class-title">
      <h1 id="class-title">{t('classPage.title')}</h1>
      {count !== undefined && <p className="hint">{t('classPage.count', { count })}</p>}
      <CatalogReview />
      <ClassListManager />
      <ClassImportForm />
      <RosterImportForm />
      {count !== undefined && count > 0 && <PinManagementForm />}
      <LearnerManager />
    </section>
  );
}
