import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import type { VrPackageRow } from '../db/rows';
import { packageOrigin } from '../data/vr-package-origin';
import { deletePackage, renamePackage, restorePackage } from '../data/vr-package-manage';
import type { PackageChange, PackageDelete } from '../data/vr-package-manage';

type Notice = { kind: 'renamed' } | { kind: 'deleted'; row: VrPackageRow } | { kind: 'restored'; title: string } | { kind: 'refused'; text: string };

/** Rename or delete a package this kiosk added; a delete is refused while anything uses it, and can be undone. */
export function PackageManager({ packages }: { packages: readonly VrPackageRow[] }) {
  const { t } = useTranslation();
  const { ports } = useServices();
  const { guard } = useInstructor();
  const local = packages.filter((pkg) => packageOrigin(pkg) === 'local');
  const [chosenId, setChosenId] = useState('');
  const [title, setTitle] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const chosen = local.find((pkg) => pkg.id === chosenId) ?? null;

  const refusal = (result: Exclude<PackageChange | PackageDelete, { ok: true }>) =>
    result.reason === 'inUse' ? t('library.manage.inUse', { sessions: result.sessions, activities: result.activities, installs: result.installs }) : t(`library.manage.refused.${result.reason}`);

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    const result = await renamePackage(ports, guard, chosen.id, title);
    setNotice(result.ok ? { kind: 'renamed' } : { kind: 'refused', text: refusal(result) });
  }

  async function remove() {
    if (!chosen) return;
    const result = await deletePackage(ports, guard, chosen.id);
    if (result.ok) setChosenId('');
    setNotice(result.ok ? { kind: 'deleted', row: result.deleted } : { kind: 'refused', text: refusal(result) });
  }

  if (local.length === 0 && notice?.kind !== 'deleted') return null;
  return (
    <form className="form card" onSubmit={(event) => void rename(event)} aria-labelledby="manage-title">
      <h2 id="manage-title">{t('library.manage.title')}</h2>
      <FormField label={t('library.manage.package')}>
        {(control) => (
          <select {...control} name="manage-package" value={chosenId} onChange={(event) => { setChosenId(event.target.value); setTitle(local.find((p) => p.id === event.target.value)?.title ?? ''); }}>
            <option value="">{t('library.manage.choose')}</option>
            {local.map((pkg) => (
              <option key={pkg.id} value={pkg.id}>
                {pkg.title}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('library.manage.newTitle')}>{(control) => <input {...control} name="manage-title" value={title} onChange={(event) => setTitle(event.target.value)} />}</FormField>
      <div className="actions">
        <button type="submit" disabled={!chosen}>
          {t('library.manage.rename')}
        </button>
        <button type="button" disabled={!chosen} onClick={() => void remove()}>
          {t('library.manage.delete')}
        </button>
      </div>
      {notice?.kind === 'renamed' && <p role="status">{t('library.manage.renamed')}</p>}
      {notice?.kind === 'refused' && <p role="alert">{notice.text}</p>}
      {notice?.kind === 'restored' && <p role="status">{t('library.manage.restored', { title: notice.title })}</p>}
      {notice?.kind === 'deleted' && (
        <p role="status">
          {t('library.manage.deleted', { title: notice.row.title })}{' '}
          <button type="button" onClick={() => void restorePackage(ports, guard, notice.row).then(() => setNotice({ kind: 'restored', title: notice.row.title }))}>
            {t('library.manage.undo')}
          </button>
        </p>
      )}
    </form>
  );
}
