import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../ui/progress-bar';
import { useServices } from '../ui/services-context';
import { findPackageVersion, saveImportedPackage } from '../data/vr-packages';
import type { VrPackageRow } from '../db/rows';
import { formatBytes } from '../i18n/format-bytes';
import { ApkDropZone } from './apk-drop-zone';
import { importErrorKey } from './import-error-key';
import type { ImportErrorKey } from './import-error-key';
import { ImportReviewForm } from './import-review-form';
import { selectImportFiles } from './import-selection';
import { DEFAULT_IMPORT_PLATFORMS } from '../data/package-from-upload';
import type { UploadedPackage } from '../data/package-from-upload';
import { createPackageUploader } from './upload-file';
import { uploadAll } from './upload-files';
import { useInstructor } from '../auth/instructor-context';

type Step =
  | { kind: 'idle' }
  | { kind: 'uploading'; file: string; sent: number; total: number }
  | { kind: 'review'; upload: UploadedPackage; existing: VrPackageRow | undefined }
  | { kind: 'failed'; error: ImportErrorKey; file: string }
  | { kind: 'saved'; title: string; updated: boolean };

/** APK (+ OBB) import: upload to main's store with progress, then choose headsets, then one library row. */
export function ApkImport() {
  const { t, i18n } = useTranslation();
  const { ports, ipc } = useServices();
  const { guard } = useInstructor();
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  async function importFiles(files: File[]) {
    const selection = selectImportFiles(files);
    if (!selection.ok) return setStep({ kind: 'failed', error: selection.problem, file: selection.names.join(', ') });
    setStep({ kind: 'uploading', file: selection.apk.name, sent: 0, total: 1 });
    const result = await uploadAll(selection.apk, selection.obbs, (sent, total) => setStep({ kind: 'uploading', file: selection.apk.name, sent, total }), createPackageUploader(ipc));
    if (!result.ok) return setStep({ kind: 'failed', error: importErrorKey(result.code), file: result.file });
    const info = result.upload.apk.apk;
    if (!info) return setStep({ kind: 'failed', error: 'notAnApk', file: selection.apk.name });
    setStep({ kind: 'review', upload: result.upload, existing: await findPackageVersion(ports.db, info.package_name, info.version_code) });
  }

  async function save(upload: UploadedPackage, platforms: string[]): Promise<'platformsRequired' | null> {
    try {
      const saved = await saveImportedPackage(ports, guard, upload, platforms);
      if (!saved.ok) {
        if (saved.problem === 'platformsRequired') return 'platformsRequired';
        setStep({ kind: 'failed', error: saved.problem, file: upload.apk.file_name });
        return null;
      }
      setStep({ kind: 'saved', title: saved.row.title, updated: saved.updated });
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
