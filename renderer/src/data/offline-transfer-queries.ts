import type { OutpostDb } from '../db/outpost-db';
import type { OfflineExportRow, OfflineImportRow } from '../db/schema-v16';

export interface LastExport {
  readonly row: OfflineExportRow;
  /** Of the operations it carried, how many this kiosk has still not delivered itself. */
  readonly stillWaiting: number;
}

/** The newest export of this kiosk, with how much of it is still waiting here (the Sync page says so). */
export async function lastExport(db: OutpostDb): Promise<LastExport | null> {
  return db.transaction('r', [db.offlineTransfers, db.outbox], async () => {
    const row = (await db.offlineTransfers.where('[direction+at]').between(['export', ''], ['export', '\uffff']).last()) as OfflineExportRow | undefined;
    if (!row) return null;
    const ops = await db.outbox.where('id').anyOf([...row.operation_ids]).toArray();
    return { row, stillWaiting: ops.filter((op) => op.status !== 'done').length };
  });
}

/** The newest imports into this kiosk, newest first. */
export async function recentImports(db: OutpostDb, limit = 5): Promise<OfflineImportRow[]> {
  return (await db.offlineTransfers.where('[direction+at]').between(['import', ''], ['import', '\uffff']).reverse().limit(limit).toArray()) as OfflineImportRow[];
}
