import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import { deleteLearner, renameLearner, restoreLearner } from '../data/learner-manage';
import type { DeletedLearner } from '../data/learner-manage';
import { listRoster } from '../data/roster';
import { sortLearners } from '../data/roster-order';

type Notice = { kind: 'renamed' } | { kind: 'deleted'; deleted: DeletedLearner } | { kind: 'restored'; name: string } | { kind: 'refused'; reason: string };

/** Rename or delete one learner; a delete is refused while they are signed in or on a headset, and can be undone. */
export function LearnerManager() {
  const { t, i18n } = useTranslation();
  const { ports } = useServices();
  const { guard } = useInstructor();
  const roster = useLiveQuery(async () => sortLearners(await listRoster(ports), i18n.language), [ports, i18n.language]);
  const [chosenId, setChosenId] = useState('');
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);

  async function rename(event: FormEvent) {
    event.preventDefault();
    const result = await renameLearner(ports, guard, chosenId, name);
    setNotice(result.ok ? { kind: 'renamed' } : { kind: 'refused', reason: result.reason });
  }

  async function remove() {
    const result = await deleteLearner(ports, guard, chosenId);
    if (result.ok) setChosenId('');
    setNotice(result.ok ? { kind: 'deleted', deleted: result.deleted } : { kind: 'refused', reason: result.reason });
  }

  if (!roster || (roster.length === 0 && notice?.kind !== 'deleted')) return null;
  return (
    <form className="form card" onSubmit={(event) => void rename(event)} aria-labelledby="learner-manage-title">
      <h2 id="learner-manage-title">{t('learners.title')}</h2>
      <FormField label={t('learners.which')}>
        {(control) => (
          <select {...control} name="learner-manage" value={chosenId} onChange={(event) => { setChosenId(event.target.value); setName(roster.find((l) => l.id === event.target.value)?.display_name ?? ''); }}>
            <option value="">{t('learners.choose')}</option>
            {roster.map((learner) => (
              <option key={learner.id} value={learner.id}>
                {learner.display_name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('learners.renameTo')}>{(control) => <input {...control} name="learner-rename" maxLength={120} value={name} onChange={(event) => setName(event.target.value)} />}</FormField>
      <div className="actions">
        <button type="submit" disabled={chosenId === ''}>
          {t('learners.rename')}
        </button>
        <button type="button" disabled={chosenId === ''} onClick={() => void remove()}>
          {t('learners.delete')}
        </button>
      </div>
      {notice?.kind === 'renamed' && <p role="status">{t('learners.renamed')}</p>}
      {notice?.kind === 'refused' && <p role="alert">{t(`learners.refused.${notice.reason as 'gone'}`)}</p>}
      {notice?.kind === 'restored' && <p role="status">{t('learners.restored', { name: notice.name })}</p>}
      {notice?.kind === 'deleted' && (
        <p role="status">
          {t('learners.deleted', { name: notice.deleted.row.display_name })}{' '}
          <button type="button" onClick={() => void restoreLearner(ports, guard, notice.deleted).then(() => setNotice({ kind: 'restored', name: notice.deleted.row.display_name }))}>
            {t('learners.undo')}
          </button>
        </p>
      )}
    </form>
  );
}
