import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VR_TARGET_PLATFORMS } from '../../../shared/schemas/vr-package';
import { formatBytes } from '../i18n/format-bytes';
import { apkWarningTexts } from './apk-warnings';
import type { UploadedPackage } from '../data/package-from-upload';

interface ImportReviewFormProps {
  readonly upload: UploadedPackage;
  readonly initialPlatforms: readonly string[];
  readonly replaces: boolean;
  readonly onSave: (platforms: string[]) => Promise<'platformsRequired' | null>;
  readonly onDiscard: () => void;
}

/** What the APK says about itself, and the one thing it cannot say: which headsets it is meant for. */
export function ImportReviewForm({ upload, initialPlatforms, replaces, onSave, onDiscard }: ImportReviewFormProps) {
  const { t, i18n } = useTranslation();
  const [platforms, setPlatforms] = useState<string[]>([...initialPlatforms]);
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  const info = upload.apk.apk;
  if (!info) return null;
  const warnings = apkWarningTexts(info);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const problem = await onSave(platforms);
    setBusy(false);
    setError(problem === 'platformsRequired');
  }

  const toggle = (platform: string) => setPlatforms((current) => (current.includes(platform) ? current.filter((p) => p !== platform) : [...current, platform]));
  return (
    <form className="form import-review" onSubmit={(event) => void save(event)} noValidate>
      <h3>{t('library.import.reviewTitle', { title: info.label ?? info.package_name })}</h3>
      <dl className="facts">
        <dt>{t('library.import.facts.packageName')}</dt>
        <dd>{info.package_name}</dd>
        <dt>{t('library.import.facts.release')}</dt>
        <dd>{t('library.import.releaseValue', { name: info.version_name ?? String(info.version_code), code: info.version_code })}</dd>
        <dt>{t('library.import.facts.size')}</dt>
        <dd>{formatBytes(upload.apk.size_bytes + upload.obbs.reduce((sum, f) => sum + f.size_bytes, 0), i18n.language)}</dd>
        {upload.obbs.length > 0 && (
          <>
            <dt>{t('library.import.facts.obbs')}</dt>
            <dd>{upload.obbs.map((f) => f.file_name).join(', ')}</dd>
          </>
        )}
      </dl>
      {warnings.length > 0 && (
        <ul className="notice import-warnings" aria-label={t('library.import.warnings.title')}>
          {warnings.map((warning) => (
            <li key={warning.kind}>{warning.kind === 'noArm64' ? t('library.import.warnings.noArm64', { abis: warning.abis }) : t('library.import.warnings.noLauncher')}</li>
          ))}
        </ul>
      )}
      {replaces && <p className="hint">{t('library.import.replaces')}</p>}
      <fieldset aria-invalid={error ? true : undefined}>
        <legend>{t('library.fieldPlatforms')}</legend>
        {VR_TARGET_PLATFORMS.map((platform) => (
          <label key={platform} className="inline">
            <input type="checkbox" name="import-platform" value={platform} checked={platforms.includes(platform)} onChange={() => toggle(platform)} />
            <span>{t(`platforms.${platform}`)}</span>
          </label>
        ))}
        {error && <small role="alert">{t('library.errors.platformsRequired')}</small>}
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('library.import.save')}
        </button>
        <button type="button" className="secondary" onClick={onDiscard}>
          {t('library.import.discard')}
        </button>
      </div>
    </form>
  );
}
