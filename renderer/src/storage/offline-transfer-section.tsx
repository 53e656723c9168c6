import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInstructor } from '../auth/instructor-context';
import { InstructorRequiredError } from '../data/instructor-guard';
import { exportOfflineTransfer } from '../data/offline-transfer-export';
import type { TransferProgress } from '../data/offline-transfer-export';
import { importOfflineTransfer } from '../data/offline-transfer-import';
import type { ImportError, ImportSummary } from '../data/offline-transfer-import';
import { lastExport, recentImports } from '../data/offline-transfer-queries';
import { formatDateTime } from '../i18n/format';
import { formatBytes } from '../i18n/format-bytes';
import { FormField } from '../ui/form-field';
import { ProgressBar } from '../ui/progress-bar';
import { useServices } from '../ui/services-context';
import { useSettings } from '../ui/use-settings';
import { downloadBlob } from './download-blob';

type State =
  | { kind: 'idle' }
  | { kind: 'working'; what: 'export' | 'import'; progress: TransferProgress | null }
  | { kind: 'exported'; fileName: string; operations: number; bytes: number }
  | { kind: 'nothing' }
  | { kind: 'imported'; fileName: string; summary: ImportSummary }
  | { kind: 'failed'; what: 'export' | 'import'; error: ImportError | 'TOO_LARGE' | 'INSTRUCTOR_REQUIRED' | 'UNEXPECTED'; detail: string };

/**
 * Sync page, instructor only: carry what this kiosk has not sent to another kiosk on a file
 * (docs/offline-transfer.md). Export downloads one file; import checks it all before writing anything, and
 * never queues an operation twice.
 */
export function OfflineTransferSection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { ports, db } = useServices();
  const { guard } = useInstructor();
  const settings = useSettings();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const last = useLiveQuery(() => lastExport(db), [db]);
  const imports = useLiveQuery(() => recentImports(db, 3), [db]);
  const busy = state.kind === 'working';
  const progress = (what: 'export' | 'import') => (p: TransferProgress) => setState({ kind: 'working', what, progress: p });
  const failed = (what: 'export' | 'import', error: unknown): State =>
    error instanceof InstructorRequiredError ? { kind: 'failed', what, error: 'INSTRUCTOR_REQUIRED', detail: '' } : { kind: 'failed', what, error: 'UNEXPECTED', detail: error instanceof Error ? error.message : String(error) };

  async function runExport() {
    setState({ kind: 'working', what: 'export', progress: null });
    try {
      const outcome = await exportOfflineTransfer(ports, guard, { kioskName: settings?.kioskName ?? null, onProgress: progress('export') });
      if (!outcome.ok) return setState(outcome.error === 'NOTHING_TO_EXPORT' ? { kind: 'nothing' } : { kind: 'failed', what: 'export', error: 'TOO_LARGE', detail: '' });
      downloadBlob(outcome.file, outcome.fileName);
      setState({ kind: 'exported', fileName: outcome.fileName, operations: outcome.operations, bytes: outcome.bytes });
    } catch (error) {
      setState(failed('export', error));
    }
  }

  async function runImport(file: File) {
    setState({ kind: 'working', what: 'import', progress: null });
    try {
      const outcome = await importOfflineTransfer(ports, guard, file, file.name, progress('import'));
      setState(outcome.ok ? { kind: 'imported', fileName: file.name, summary: outcome.summary } : { kind: 'failed', what: 'import', error: outcome.error, detail: outcome.detail });
    } catch (error) {
      setState(failed('import', error));
    }
  }

  return (
    <section className="card offline-transfer" aria-labelledby="offline-transfer-title" data-testid="offline-transfer">
      <h2 id="offline-transfer-title">{t('storage.transfer.title')}</h2>
      <p className="hint">{t('storage.transfer.intro')}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void runExport()}>
          {t('storage.transfer.export')}
        </button>
      </div>
      {last && (
        <p data-testid="last-export">
          {t('storage.transfer.lastExport', { at: formatDateTime(last.row.at, locale), count: last.row.operation_ids.length, waiting: last.stillWaiting })}
        </p>
      )}
      <FormField label={t('storage.transfer.import')}>
        {(control) => (
          <input
            {...control}
            type="file"
            name="offline-transfer-file"
            accept=".gz,.json,application/gzip,application/json"
            disabled={busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void runImport(file);
            }}
          />
        )}
      </FormField>
      {state.kind === 'working' && (
        <div role="status">
          <p>{t(`storage.transfer.working.${state.what}`)}</p>
          {state.progress && (
            <ProgressBar
              label={t('storage.transfer.progressLabel')}
              value={state.progress.done}
              max={state.progress.total}
              text={t(`storage.transfer.phase.${state.progress.phase}`, { done: state.progress.done, total: state.progress.total })}
            />
          )}
        </div>
      )}
      {state.kind === 'exported' && (
        <p role="status" data-testid="export-done">
          {t('storage.transfer.exported', { count: state.operations, file: state.fileName, size: formatBytes(state.bytes, locale) })}
        </p>
      )}
      {state.kind === 'nothing' && <p role="status">{t('storage.transfer.nothing')}</p>}
      {state.kind === 'imported' && (
        <p role="status" data-testid="import-done">
          {state.summary.addedOperations === 0
            ? t('storage.transfer.importedNothingNew', { file: state.fileName, known: state.summary.knownOperations })
            : t('storage.transfer.imported', {
                file: state.fileName,
                kiosk: state.summary.sourceKioskName ?? t('storage.transfer.unnamedKiosk'),
                at: formatDateTime(state.summary.exportedAt, locale),
                count: state.summary.addedOperations,
                known: state.summary.knownOperations,
              })}
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" data-testid="transfer-error" data-code={state.error}>
          {t(`storage.transfer.errors.${state.error}`)} {state.detail && state.error !== 'OWN_EXPORT' ? `(${state.detail})` : ''}
        </p>
      )}
      {imports && imports.length > 0 && (
        <>
          <h3>{t('storage.transfer.recentImports')}</h3>
          <ul data-testid="recent-imports">
            {imports.map((row) => (
              <li key={row.id}>
                {t('storage.transfer.importRow', {
                  at: formatDateTime(row.at, locale),
                  kiosk: row.source_kiosk_name ?? t('storage.transfer.unnamedKiosk'),
                  count: row.added_operations,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
