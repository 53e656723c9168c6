import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../app/progress-bar';
import { useServices } from '../app/services-context';
import type { OutpostDb } from '../db/outpost-db';
import type { VrPackageRow } from '../db/rows';
import { formatBytes } from '../i18n/format-bytes';
import { ApkDropZone } from './apk-drop-zone';
import { importErrorKey } from './import-error-key';
import type { ImportErrorKey } from './import-error-key';
import { ImportReviewForm } from './import-review-form';
import { selectImportFiles } from './import-selection';
import { DEFAULT_IMPORT_PLATFORMS, packageFromUpload } from './package-from-upload';
import type { UploadedPackage } from './package-from-upload';
import { uploadAll } from './upload-files';

type Step =
  | { kind: 'idle' }
  | { kind: 'uploading'; file: string; sent: number; total: number }
  | { kind: 'review'; upload: UploadedPackage; existing: VrPackageRow | undefined }
  | { kind: 'failed'; error: ImportErrorKey; file: string }
  | { kind: 'saved'; title: string; updated: boolean };

function findVersion(db: OutpostDb, packageName: string, versionCode: number): Promise<VrPackageRow | undefined> {
  return db.vrPackages.where('package_name').equals(packageName).filter((p) => p.version_code === versionCode).first();
}

/** APK (+ OBB) import: upload to main's store with progress, then choose headsets, then one library row. */
export function ApkImport() {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  async function importFiles(files: File[]) {
    const selection = selectImportFiles(files);
    if (!selection.ok) return setStep({ kind: 'failed', error: selection.problem, file: selection.names.join(', ') });
    setStep({ kind: 'uploading', file: selection.apk.name, sent: 0, total: 1 });
    const result = await uploadAll(selection.apk, selection.obbs, (sent, total) => setStep({ kind: 'uploading', file: selection.apk.name, sent, total }));
    if (!result.ok) return setStep({ kind: 'failed', error: importErrorKey(result.code), file: result.file });
    const info = result.upload.apk.apk;
    if (!info) return setStep({ kind: 'failed', error: 'notAnApk', file: selection.apk.name });
    setStep({ kind: 'review', upload: result.upload, existing: await findVersion(db, info.package_name, info.version_code) });
  }

  async function save(upload: UploadedPackage, platforms: string[]): Promise<'platformsRequired' | null> {
    const info = upload.apk.apk;
    if (!info) return null;
    try {
      // Looked up again inside the write: another window may have imported the same version meanwhile.
      const built = await db.transaction('rw', db.vrPackages, async () => {
        const existing = await findVersion(db, info.package_name, info.version_code);
        const result = packageFromUpload(upload, platforms, existing, () => crypto.randomUUID(), new Date());
        if (result.ok) await db.vrPackages.put(result.row);
        return { result, updated: existing !== undefined };
      });
      if (!built.result.ok) {
        if (built.result.problem === 'platformsRequired') return 'platformsRequired';
        setStep({ kind: 'failed', error: built.result.problem, file: upload.apk.file_name });
        return null;
      }
      setStep({ kind: 'saved', title: built.result.row.title, updated: built.updated });
    } catch {
      setStep({ kind: 'failed', error: 'saveFailed', file: upload.apk.file_name });
    }
    return null;
  }

  const locale = i18n.language;
  return (
    <section className="card apk-import" aria-labelledby="apk-import-title">
      <h2 id="apk-import-title">{t('library.import.title')}</h2>
      <p className="hint">{t('library.import.hint')}</p>
      <ApkDropZone disabled={step.kind === 'uploading' || step.kind === 'review'} onFiles={(files) => void importFiles(files)} />
      {step.kind === 'uploading' && (
        <div role="status" className="job">
          <p>{t('library.import.uploading', { file: step.file })}</p>
          <ProgressBar
            label={t('library.import.progressLabel')}
            value={step.sent}
            max={step.total}
            text={t('headsets.job.bytes', { sent: formatBytes(step.sent, locale), total: formatBytes(step.total, locale) })}
          />
        </div>
      )}
      {step.kind === 'review' && (
        <ImportReviewForm
          upload={step.upload}
          initialPlatforms={step.existing?.target_platforms ?? DEFAULT_IMPORT_PLATFORMS}
          replaces={step.existing !== undefined}
          onSave={(platforms) => save(step.upload, platforms)}
          onDiscard={() => setStep({ kind: 'idle' })}
        />
      )}
      {step.kind === 'failed' && <p role="alert">{t(`library.import.errors.${step.error}`, { file: step.file })}</p>}
      {step.kind === 'saved' && <p role="status">{t(step.updated ? 'library.import.updated' : 'library.import.saved', { title: step.title })}</p>}
    </section>
  );
}
