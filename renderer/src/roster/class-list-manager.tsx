import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import { deleteClass, listClassesWithSizes, restoreClass } from '../data/classes';
import type { DeletedClass } from '../data/classes';
import { ClassRenameForm } from './class-rename-form';

/** The kiosk's classes: rename, delete (learners and their work stay), and undo the last delete. */
export function ClassListManager() {
  const { t } = useTranslation();
  const { db, ports } = useServices();
  const { guard } = useInstructor();
  const classes = useLiveQuery(() => listClassesWithSizes(db), [db]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<DeletedClass | null>(null);
  if (!classes || (classes.length === 0 && !deleted)) return null;
  return (
    <section aria-labelledby="classes-title" className="card">
      <h2 id="classes-title">{t('classes.title')}</h2>
      {deleted && (
        <p role="status">
          {t('classes.deleted', { name: deleted.row.name })}{' '}
          <button type="button" onClick={() => void restoreClass(ports, guard, deleted).then(() => setDeleted(null))}>
            {t('classes.undo')}
          </button>
        </p>
      )}
      <ul className="class-list">
        {classes.map((row) => (
          <li key={row.id}>
            {renaming === row.id ? (
              <ClassRenameForm classId={row.id} name={row.name} onDone={() => setRenaming(null)} />
            ) : (
              <>
                <span>{t('classes.entry', { name: row.name, count: row.size })}</span>{' '}
                <button type="button" aria-label={t('classes.renameOne', { name: row.name })} onClick={() => setRenaming(row.id)}>
                  {t('classes.rename')}
                </button>{' '}
                <button type="button" aria-label={t('classes.deleteOne', { name: row.name })} onClick={() => void deleteClass(ports, guard, row.id).then(setDeleted)}>
                  {t('classes.delete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
