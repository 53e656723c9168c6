import { sha256Hex } from './crypto-hex';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';
import { collectTransfer, transferReadTables } from './offline-transfer-collect';
import { OFFLINE_TRANSFER_FORMAT, OFFLINE_TRANSFER_LIMITS, OFFLINE_TRANSFER_VERSION } from './offline-transfer-format';
import type { TransferFile } from './offline-transfer-format';
import { gzipBytes } from './offline-transfer-gzip';
import { kioskId } from './offline-transfer-identity';
import type { OfflineExportRow } from '../db/schema-v16';

export type TransferPhase = 'reading' | 'checking' | 'compressing' | 'writing';

export interface TransferProgress {
  readonly phase: TransferPhase;
  readonly done: number;
  readonly total: number;
}

export type ExportOutcome =
  | { readonly ok: true; readonly file: Blob; readonly fileName: string; readonly operations: number; readonly bytes: number; readonly exportId: string }
  | { readonly ok: false; readonly error: 'NOTHING_TO_EXPORT' | 'TOO_LARGE' };

export interface ExportOptions {
  /** The kiosk's name from the settings, written into the file so the receiving instructor sees where it came from. */
  readonly kioskName: string | null;
  readonly onProgress?: (progress: TransferProgress) => void;
}

/** `outpost-transfer-<kiosk>-<yyyymmdd-hhmm>.json.gz`, with only letters, digits and dashes from the kiosk's name. */
export function exportFileName(kioskName: string | null, kiosk: string, at: Date): string {
  const slug = (kioskName ?? '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .toLowerCase();
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `outpost-transfer-${slug || kiosk.slice(0, 8)}-${stamp}.json.gz`;
}

/**
 * The file text: the header, then `"content":` and the content exactly as its checksum was computed
 * (JSON.parse then JSON.stringify gives the same text back, which is how an import checks it).
 */
export function transferFileText(header: Omit<TransferFile, 'content'>, contentText: string): string {
  return `${JSON.stringify(header).slice(0, -1)},"content":${contentText}}`;
}

/**
 * Instructor only. Packs every operation this kiosk has not delivered, with what the receiving kiosk needs
 * to send it in this one's place, into one gzip file. The operations stay here too, still to be sent: their
 * idempotency keys travel with them, so whichever kiosk delivers first, the remote applies each once
 * (docs/offline-transfer.md). The export is recorded, with the ids it carried, so the Sync page can say so.
 */
export async function exportOfflineTransfer(ports: DataPorts, guard: InstructorGuard, options: ExportOptions): Promise<ExportOutcome> {
  await guard.require();
  const { db } = ports;
  const report = options.onProgress ?? (() => undefined);
  const source = await kioskId(ports);
  const collected = await db.transaction('r', transferReadTables(db), () => collectTransfer(db, (done, total) => report({ phase: 'reading', done, total })));
  if (collected.undelivered.length === 0) return { ok: false, error: 'NOTHING_TO_EXPORT' };

  const contentText = JSON.stringify(collected.content);
  // The same bounds an import applies: never write a file the other kiosk would refuse.
  if (contentText.length > OFFLINE_TRANSFER_LIMITS.jsonBytes || collected.content.operations.length > OFFLINE_TRANSFER_LIMITS.operations) return { ok: false, error: 'TOO_LARGE' };
  if (Object.values(collected.content.records).some((rows) => rows.length > OFFLINE_TRANSFER_LIMITS.rowsPerTable)) return { ok: false, error: 'TOO_LARGE' };
  report({ phase: 'checking', done: 0, total: 1 });
  const checksum = await sha256Hex(contentText);
  const at = ports.now();
  const exportId = ports.newId();
  const header: Omit<TransferFile, 'content'> = {
    format: OFFLINE_TRANSFER_FORMAT,
    version: OFFLINE_TRANSFER_VERSION,
    export_id: exportId,
    kiosk_id: source,
    kiosk_name: options.kioskName,
    exported_at: at.toISOString(),
    checksum: { algorithm: 'SHA-256', value: checksum },
  };
  const json = new TextEncoder().encode(transferFileText(header, contentText));
  if (json.byteLength > OFFLINE_TRANSFER_LIMITS.jsonBytes) return { ok: false, error: 'TOO_LARGE' };
  const gz = await gzipBytes(json, (done, total) => report({ phase: 'compressing', done, total }));
  if (gz.byteLength > OFFLINE_TRANSFER_LIMITS.fileBytes) return { ok: false, error: 'TOO_LARGE' };

  const fileName = exportFileName(options.kioskName, source, at);
  report({ phase: 'writing', done: 0, total: 1 });
  const record: OfflineExportRow = { id: exportId, direction: 'export', at: at.toISOString(), file_name: fileName, bytes: gz.byteLength, checksum, operation_ids: collected.undelivered };
  await db.offlineTransfers.add(record);
  report({ phase: 'writing', done: 1, total: 1 });
  return { ok: true, file: new Blob([gz], { type: 'application/gzip' }), fileName, operations: collected.undelivered.length, bytes: gz.byteLength, exportId };
}
