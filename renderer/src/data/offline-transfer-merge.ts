import type { Table } from 'dexie';
import { canTransition } from '../../../shared/vr/vr-session-status';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow, VrSessionRow } from '../db/rows';
import type { DataPorts } from './data-ports';
import { TRANSFER_TABLES } from './offline-transfer-format';
import type { TransferFile, TransferTable } from './offline-transfer-format';

/** Every table an import may write, in one read-write transaction: all of the file, or nothing. */
export function transferWriteTables(db: OutpostDb) {
  return [db.outbox, db.idMap, db.offlineTransfers, ...TRANSFER_TABLES.map((table) => db[table])];
}

export interface MergeCounts {
  /** Operations this kiosk did not have, now queued here (still to be delivered). */
  readonly addedOperations: number;
  /** Operations it already had, by id or idempotency key (imported before, or its own): left as they are. */
  readonly knownOperations: number;
  /** Records written (new, or a newer copy of one this kiosk had). */
  readonly addedRecords: number;
  /** Records this kiosk's own copy was kept for (it was as new, or the same learner's own record here). */
  readonly keptRecords: number;
}

type Row = { readonly id: string } & Record<string, unknown>;

/** The imported copy of a VR session wins when it is further along (statuses never step back). */
function vrNewer(local: VrSessionRow, incoming: VrSessionRow): boolean {
  return local.status !== incoming.status && canTransition(local.status, incoming.status);
}

const later = (field: string) => (local: Row, incoming: Row) => String(incoming[field] ?? '') > String(local[field] ?? '');

/**
 * When a copy from the file replaces the one this kiosk has (same id). Catalog rows and learners never do
 * (this kiosk's catalog and PINs are its own); a record moves forward only: a VR session's status, a SCORM
 * session's version, a play that the file brought new operations for, logger rows by their end time.
 */
function replaces(table: TransferTable, local: Row, incoming: Row, broughtNews: boolean): boolean {
  switch (table) {
    case 'learners':
    case 'vrPackages':
    case 'lessons':
      return false;
    case 'vrSessions':
      return broughtNews && vrNewer(local as unknown as VrSessionRow, incoming as unknown as VrSessionRow);
    case 'scormSessions':
      return Number(incoming['version']) > Number(local['version']);
    case 'lessonPlays':
      return broughtNews;
    case 'activityProgress':
      return (local['status'] !== 'completed' && incoming['status'] === 'completed') || (local['status'] === incoming['status'] && later('updated_at')(local, incoming));
    case 'contentSummaryLogs':
    case 'masteryLogs':
    case 'contentSessionLogs':
    case 'attemptLogs':
      return later('end_timestamp')(local, incoming);
  }
}

/** The unique pair some tables hold besides the id: a second row for the same pair would break the index. */
async function pairOwner(db: OutpostDb, table: TransferTable, row: Row): Promise<Row | undefined> {
  if (table === 'activityProgress') return (await db.activityProgress.where('[user_id+activity_id]').equals([String(row['user_id']), String(row['activity_id'])]).first()) as Row | undefined;
  if (table === 'contentSummaryLogs') return (await db.contentSummaryLogs.where('[user+content_id]').equals([String(row['user']), String(row['content_id'])]).first()) as Row | undefined;
  return undefined;
}

/**
 * Writes a checked file into this kiosk's database. Call inside a read-write transaction over
 * transferWriteTables. Operations are matched by id and idempotency key: one this kiosk has (imported
 * before, or recorded here and carried back) is left as it is, so nothing is queued or sent twice. New ones
 * are queued in the file's order after what is here, in flight ones as pending, due now; refused and held
 * ones keep their state for the Sync page.
 */
export async function mergeTransfer(ports: DataPorts, file: TransferFile, onProgress: (done: number, total: number) => void = () => undefined): Promise<MergeCounts> {
  const { db } = ports;
  const { operations, id_map, records } = file.content;
  const total = operations.length + TRANSFER_TABLES.reduce((sum, table) => sum + records[table].length, 0);
  let done = 0;
  const now = ports.now().toISOString();

  const knownIds = new Set((await db.outbox.where('id').anyOf(operations.map((op) => op.id)).toArray()).map((op) => op.id));
  const knownKeys = new Set((await db.outbox.where('idempotency_key').anyOf(operations.map((op) => op.idempotency_key)).toArray()).map((op) => op.idempotency_key));
  const fresh: OutboxRow[] = [];
  const news = new Set<string>();
  for (const op of operations) {
    if (knownIds.has(op.id) || knownKeys.has(op.idempotency_key)) continue;
    const due = op.status === 'pending' || op.status === 'in_flight';
    fresh.push({ ...op, status: op.status === 'in_flight' ? 'pending' : op.status, claimed_by: null, ...(due ? { next_attempt_at: now } : {}) });
    if (op.status !== 'done') news.add(op.entity_id);
  }
  await db.outbox.bulkAdd(fresh);
  done += operations.length;
  onProgress(done, total);

  for (const link of id_map) {
    const mine = await db.idMap.get([link.entity, link.local_id]);
    if (!mine) await db.idMap.put(link);
  }

  let addedRecords = 0;
  let keptRecords = 0;
  for (const table of TRANSFER_TABLES) {
    const target = db[table] as unknown as Table<Row, string>;
    const incoming = records[table] as unknown as Row[];
    const current = await target.bulkGet(incoming.map((row) => row.id));
    for (const [i, row] of incoming.entries()) {
      const local = current[i];
      if (local === undefined) {
        const owner = await pairOwner(db, table, row);
        if (owner === undefined) {
          await target.add(row);
          addedRecords += 1;
        } else if (table === 'activityProgress' && replaces(table, owner, row, true)) {
          // Progress is one row per learner and activity whatever its id: this kiosk's id stays.
          await target.put({ ...row, id: owner.id });
          addedRecords += 1;
        } else keptRecords += 1;
      } else if (replaces(table, local, row, news.has(row.id))) {
        await target.put(row);
        addedRecords += 1;
      } else keptRecords += 1;
    }
    done += incoming.length;
    onProgress(done, total);
  }
  return { addedOperations: fresh.filter((op) => op.status !== 'done').length, knownOperations: operations.filter((op) => op.status !== 'done').length - fresh.filter((op) => op.status !== 'done').length, addedRecords, keptRecords };
}
