import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VR_TARGET_PLATFORMS } from '../../../shared/schemas/vr-package';
import { useServices } from '../ui/services-context';
import { useDraft } from '../drafts/use-draft';
import { addManualPackage } from '../data/vr-packages';
import { packageOrigin } from '../data/vr-package-origin';
import { listPackagesByTitle } from '../data/vr-package-queries';
import { ApkImport } from '../library/apk-import';
import { CourseLibrary } from '../scorm/course-library';
import { LinkPackageControl } from '../library/link-package-control';
import { PackageManager } from '../library/package-manager';
import { TITLE_MAX, VERSION_MAX, checkManualPackage } from '../library/manual-package-form';
import type { ManualPackageCheck } from '../library/manual-package-form';
import { useInstructor } from '../auth/instructor-context';

type Errors = Extract<ManualPackageCheck, { ok: false }>['errors'];

export function LibraryPage() {
  const { t } = useTranslation();
  const { db, ports } = useServices();
  const { guard } = useInstructor();
  const packages = useLiveQuery(() => listPackagesByTitle(db), [db]);
  const [title, setTitle] = useState('');
  const [version, setVersion] = useState('');
  const [platforms, setPlatforms] = useState<string[]>([]);
  // A half-typed package survives the instructor being signed out (idle) and comes back for them.
  const draft = useDraft('library-add-package', { title, version, platforms: platforms.join(',') }, (saved) => {
    setTitle(saved.title ?? '');
    setVersion(saved.version ?? '');
    setPlatforms((saved.platforms ?? '').split(',').filter((p) => p !== ''));
  }, 'instructor');
  const [errors, setErrors] = useState<Errors>({});
  const [linked, setLinked] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ kind: 'added'; title: string } | { kind: 'failed'; reason: string } | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    const check = checkManualPackage({ title, version, platforms });
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors({});
    try {
      await addManualPackage(ports, guard, check.value);
      setNotice({ kind: 'added', title: check.value.title });
      setTitle('');
      setVersion('');
      setPlatforms([]);
      await draft.discard();
    } catch (error) {
      setNotice({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  const togglePlatform = (platform: string) =>
    setPlatforms((current) => (current.includes(platform) ? current.filter((p) => p !== platform) : [...current, platform]));

  const remote = (packages ?? []).filter((pkg) => packageOrigin(pkg) === 'remote');
  return (
    <section aria-labelledby="library-title">
      <h1 id="library-title">{t('library.title')}</h1>
      {packages && packages.length === 0 && <p>{t('library.empty')}</p>}
      {linked !== null && <p role="status">{t('library.link.done', { count: linked })}</p>}
      {packages && packages.length > 0 && (
        <table className="table" data-testid="package-table">
          <thead>
            <tr>
              <th>{t('library.columns.title')}</th>
              <th>{t('library.columns.version')}</th>
              <th>{t('library.columns.platforms')}</th>
              <th>{t('library.columns.origin')}</th>
            </tr>
          </thead>
          <tbody>
            {packages.map((pkg) => (
              <tr key={pkg.id}>
                <td>
                  {pkg.title}
                  {packageOrigin(pkg) === 'local' && (
                    <span className="badge local-badge" data-testid="local-badge">
                      {t('library.localBadge')}
                    </span>
                  )}
                </td>
                <td>{pkg.version}</td>
                <td>{pkg.target_platforms.map((p) => t(`platforms.${p}`)).join(', ')}</td>
                <td>{packageOrigin(pkg) === 'local' ? <LinkPackageControl pkg={pkg} remotePackages={remote} onLinked={setLinked} /> : t('library.knownToApi')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {packages && <PackageManager packages={packages} />}
      <ApkImport />
      <CourseLibrary />
      <form className="form card" onSubmit={(event) => void add(event)} noValidate>
        <h2>{t('library.addTitle')}</h2>
        <p className="hint">{t('library.addHint')}</p>
        <label>
          <span>{t('library.fieldTitle')}</span>
          <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={errors.title ? true : undefined} />
          {errors.title && <small role="alert">{t(`library.errors.${errors.title}`, { max: TITLE_MAX })}</small>}
        </label>
        <label>
          <span>{t('library.fieldVersion')}</span>
          <input name="version" value={version} onChange={(e) => setVersion(e.target.value)} aria-invalid={errors.version ? true : undefined} />
          {errors.version && <small role="alert">{t(`library.errors.${errors.version}`, { max: VERSION_MAX })}</small>}
        </label>
        <fieldset>
          <legend>{t('library.fieldPlatforms')}</legend>
          {VR_TARGET_PLATFORMS.map((platform) => (
            <label key={platform} className="inline">
              <input type="checkbox" name="platform" value={platform} checked={platforms.includes(platform)} onChange={() => togglePlatform(platform)} />
              <span>{t(`platforms.${platform}`)}</span>
            </label>
          ))}
          {errors.platforms && <small role="alert">{t(`library.errors.${errors.platforms}`)}</small>}
        </fieldset>
        <button type="submit">{t('library.add')}</button>
        {notice?.kind === 'added' && <p role="status">{t('library.added', { title: notice.title })}</p>}
        {notice?.kind === 'failed' && <p role="alert">{t('library.errors.saveFailed', { reason: notice.reason })}</p>}
      </form>
    </section>
  );
}
