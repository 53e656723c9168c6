/**
 * Version 16: offline transfer (docs/offline-transfer.md).
 * - kioskIdentity: this database's own id ('kioskId'), made once, written into every export so a file is
 *   told from its source and never imported back into the kiosk that wrote it.
 * - offlineTransfers: one row per export or import, newest first by direction; an export keeps the ids of
 *   the operations it carried away so the Sync page can say how many of them are still waiting here.
 */
export const SCHEMA_V16 = {
  kioskIdentity: 'key',
  offlineTransfers: 'id, [direction+at]',
} as const;

export interface KioskIdentityRow {
  readonly key: 'kioskId';
  readonly value: string;
}

export interface OfflineExportRow {
  readonly id: string;
  readonly direction: 'export';
  readonly at: string;
  readonly file_name: string;
  readonly bytes: number;
  readonly checksum: string;
  /** The undelivered operations the file carried (delivered dependencies are not counted). */
  readonly operation_ids: readonly string[];
}

export interface OfflineImportRow {
  readonly id: string;
  readonly direction: 'import';
  readonly at: string;
  readonly file_name: string;
  readonly export_id: string;
  readonly source_kiosk_id: string;
  readonly source_kiosk_name: string | null;
  readonly exported_at: string;
  readonly added_operations: number;
  readonly known_operations: number;
}

export type OfflineTransferRow = OfflineExportRow | OfflineImportRow;
