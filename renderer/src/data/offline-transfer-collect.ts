import { findLocalRefs } from '../../../shared/sync/local-ref';
import type { OutpostDb } from '../db/outpost-db';
import type { IdMapRow, LearnerRow, OutboxRow } from '../db/rows';
import { TRANSFER_TABLES } from './offline-transfer-format';
import type { TransferContent, TransferOperation, TransferTable } from './offline-transfer-format';

/** Every table an export reads, so it reads one consistent picture (a single read transaction). */
export function transferReadTables(db: OutpostDb) {
  return [db.outbox, db.idMap, ...TRANSFER_TABLES.map((table) => db[table])];
}

/** The statuses of operations not yet delivered: all of them travel (a refused one stays refused, a held one held). */
const UNDELIVERED = ['pending', 'in_flight', 'dead', 'held'] as const;

/** The record an operation carries lives in the table of its kind's first word. */
export function entityOfKind(kind: string): string {
  return kind.split('.')[0] ?? '';
}

/** What travels of an operation: in flight becomes pending again (the receiving kiosk sends it), claims stay behind. */
export function toTransferOperation(row: OutboxRow): TransferOperation {
  const { seq: _seq, claimed_by: _claim, ...op } = row;
  return op.status === 'in_flight' ? { ...op, status: 'pending' } : op;
}

/** A learner as carried: who they are, never their PIN hash or lockout (a file can be lost; PINs are short). */
export function learnerForTransfer(row: LearnerRow): TransferContent['records']['learners'][number] {
  const { pin: _pin, pin_failures: _failures, pin_locked_until: _until, pin_lock_level: _level, ...learner } = row;
  return { ...learner, pin: null };
}

function defined<T>(rows: readonly (T | undefined)[]): T[] {
  return rows.filter((row): row is T => row !== undefined);
}

function byId<T extends { readonly id: string }>(rows: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const row of rows) seen.set(row.id, row);
  return [...seen.values()];
}

export interface CollectedTransfer {
  readonly content: TransferContent;
  /** Ids of the undelivered operations (what the export carries away). */
  readonly undelivered: readonly string[];
}

/**
 * Reads what an export carries: each undelivered operation in recorded order, the delivered operations
 * they wait on (so the receiving kiosk knows those are done), the remote ids learned for the records they
 * name, the records themselves and the learners, packages and lessons those records need to be shown.
 * Call inside a read transaction over transferReadTables.
 */
export async function collectTransfer(db: OutpostDb, onProgress: (done: number, total: number) => void = () => undefined): Promise<CollectedTransfer> {
  const open = await db.outbox.where('status').anyOf([...UNDELIVERED]).toArray();
  const openIds = new Set(open.map((op) => op.id));
  const missingDeps = [...new Set(open.flatMap((op) => op.depends_on).filter((id) => !openIds.has(id)))];
  const deps = missingDeps.length > 0 ? await db.outbox.where('id').anyOf(missingDeps).toArray() : [];
  const operations = [...open, ...deps].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));

  const entities = new Map<string, Set<string>>();
  const note = (entity: string, id: string) => {
    let ids = entities.get(entity);
    if (!ids) entities.set(entity, (ids = new Set()));
    ids.add(id);
  };
  const idKeys = new Map<string, [string, string]>();
  for (const op of operations) {
    const entity = entityOfKind(op.kind);
    note(entity, op.entity_id);
    idKeys.set(`${entity}:${op.entity_id}`, [entity, op.entity_id]);
    for (const ref of findLocalRefs(op.path + JSON.stringify(op.body ?? null))) idKeys.set(`${ref.entity}:${ref.id}`, [ref.entity, ref.id]);
  }
  const idMap = defined<IdMapRow>(await db.idMap.bulkGet([...idKeys.values()]));
  const ids = (entity: string) => [...(entities.get(entity) ?? [])];
  const total = TRANSFER_TABLES.length;
  let done = 0;
  const step = () => onProgress(++done, total);

  // xAPI statements are recorded for a VR session's completion: their entity is the session.
  const vrSessions = defined(await db.vrSessions.bulkGet([...new Set([...ids('vr_session'), ...ids('xapi')])]));
  step();
  const scormSessions = defined(await db.scormSessions.bulkGet(ids('scorm_session')));
  step();
  const lessonPlays = defined(await db.lessonPlays.bulkGet(ids('lesson_play')));
  step();
  const contentSessionLogs = defined(await db.contentSessionLogs.bulkGet(ids('content_session')));
  step();
  const pairs = [...new Map(contentSessionLogs.flatMap((s) => (s.content_id === null ? [] : [[`${s.user}\u0000${s.content_id}`, [s.user, s.content_id] as [string, string]]]))).values()];
  const contentSummaryLogs = pairs.length > 0 ? await db.contentSummaryLogs.where('[user+content_id]').anyOf(pairs).toArray() : [];
  step();
  const summaryIds = contentSummaryLogs.map((s) => s.id);
  const masteryLogs = summaryIds.length > 0 ? await db.masteryLogs.where('summarylog').anyOf(summaryIds).toArray() : [];
  step();
  const sessionIds = contentSessionLogs.map((s) => s.id);
  const attemptLogs = sessionIds.length > 0 ? await db.attemptLogs.where('sessionlog').anyOf(sessionIds).toArray() : [];
  step();
  const progressPairs = [...new Map(vrSessions.flatMap((s) => (s.activity_id ? [[`${s.user_id}\u0000${s.activity_id}`, [s.user_id, s.activity_id] as [string, string]]] : []))).values()];
  const activityProgress = progressPairs.length > 0 ? await db.activityProgress.where('[user_id+activity_id]').anyOf(progressPairs).toArray() : [];
  step();
  const vrPackages = defined(await db.vrPackages.bulkGet([...new Set(vrSessions.map((s) => s.package_id))]));
  step();
  const lessons = defined(await db.lessons.bulkGet([...new Set(lessonPlays.flatMap((p) => (p.lessonId ? [p.lessonId] : [])))]));
  step();
  const userIds = new Set<string>();
  for (const op of operations) if (op.acting_user_id) userIds.add(op.acting_user_id);
  for (const s of vrSessions) userIds.add(s.user_id);
  for (const s of scormSessions) userIds.add(s.user_id);
  for (const p of lessonPlays) if (p.userId) userIds.add(p.userId);
  for (const s of contentSessionLogs) userIds.add(s.user);
  const learners = defined(await db.learners.bulkGet([...userIds])).map(learnerForTransfer);
  step();

  const records: Record<TransferTable, unknown[]> = {
    learners,
    vrPackages,
    lessons,
    vrSessions,
    activityProgress: byId(activityProgress),
    scormSessions,
    lessonPlays,
    contentSummaryLogs: byId(contentSummaryLogs),
    masteryLogs: byId(masteryLogs),
    contentSessionLogs,
    attemptLogs: byId(attemptLogs),
  };
  return {
    content: { operations: operations.map(toTransferOperation), id_map: idMap, records: records as TransferContent['records'] },
    undelivered: open.map((op) => op.id),
  };
}
