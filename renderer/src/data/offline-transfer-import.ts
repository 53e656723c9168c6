import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';
import type { TransferProgress } from './offline-transfer-export';
import { undeliveredCount } from './offline-transfer-format';
import { kioskId } from './offline-transfer-identity';
import { mergeTransfer, transferWriteTables } from './offline-transfer-merge';
import type { MergeCounts } from './offline-transfer-merge';
import { readTransferFile } from './offline-transfer-read';
import type { ReadError } from './offline-transfer-read';
import type { OfflineImportRow } from '../db/schema-v16';

export type ImportError = ReadError | 'OWN_EXPORT' | 'WRITE_FAILED';

export interface ImportSummary extends MergeCounts {
  readonly exportId: string;
  readonly sourceKioskName: string | null;
  readonly exportedAt: string;
  /** Undelivered operations the file carried. */
  readonly operations: number;
  /** When this same file was imported here before, if it was. */
  readonly importedBefore: string | null;
}

export type ImportOutcome = { readonly ok: true; readonly summary: ImportSummary } | { readonly ok: false; readonly error: ImportError; readonly detail: string };

/**
 * Instructor only. Reads and checks a transfer file (readTransferFile), refuses one this kiosk wrote, then
 * merges it in one read-write transaction (mergeTransfer) with a record of the import: a file that fails at
 * any point leaves the database exactly as it was. Importing the same file again, or a file whose
 * operations this kiosk already has, adds nothing.
 */
export async function importOfflineTransfer(ports: DataPorts, guard: InstructorGuard, blob: Blob, fileName: string, onProgress: (progress: TransferProgress) => void = () => undefined): Promise<ImportOutcome> {
  await guard.require();
  const read = await readTransferFile(blob, (done, total) => onProgress({ phase: 'reading', done, total }));
  if (!read.ok) return read;
  const { file } = read;
  if (file.kiosk_id === (await kioskId(ports))) return { ok: false, error: 'OWN_EXPORT', detail: file.export_id };

  const { db } = ports;
  onProgress({ phase: 'writing', done: 0, total: 1 });
  try {
    return await db.transaction('rw', transferWriteTables(db), async (): Promise<ImportOutcome> => {
      const before = await db.offlineTransfers.where('[direction+at]').between(['import', ''], ['import', '\uffff']).filter((row) => row.direction === 'import' && row.export_id === file.export_id).first();
      const counts = await mergeTransfer(ports, file, (done, total) => onProgress({ phase: 'writing', done, total }));
      const row: OfflineImportRow = {
        id: ports.newId(),
        direction: 'import',
        at: ports.now().toISOString(),
        file_name: fileName.slice(0, 255),
        export_id: file.export_id,
        source_kiosk_id: file.kiosk_id,
        source_kiosk_name: file.kiosk_name,
        exported_at: file.exported_at,
        added_operations: counts.addedOperations,
        known_operations: counts.knownOperations,
      };
      await db.offlineTransfers.add(row);
      return {
        ok: true,
        summary: { ...counts, exportId: file.export_id, sourceKioskName: file.kiosk_name, exportedAt: file.exported_at, operations: undeliveredCount(file.content.operations), importedBefore: before?.at ?? null },
      };
    });
  } catch (error) {
    // A quota error or a constraint this file breaks: the transaction rolled back, nothing was written.
    return { ok: false, error: 'WRITE_FAILED', detail: error instanceof Error ? error.message : String(error) };
  }
}
