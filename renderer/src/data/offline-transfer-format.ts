import { z } from 'zod';
import { outboxOperationSchema } from '../../../shared/sync/outbox-operation';

/**
 * The offline transfer file (docs/offline-transfer.md): every operation this kiosk has not delivered,
 * the records they carry, and what a second kiosk needs to send them in its place. One JSON document,
 * gzip-compressed; `checksum` is the SHA-256 of `JSON.stringify(content)` exactly as written, so a flipped
 * byte, a cut-short copy or a hand-edited file is refused before anything is read into the database.
 */
export const OFFLINE_TRANSFER_FORMAT = 'outpost-offline-transfer';
export const OFFLINE_TRANSFER_VERSION = 1;

/** Bounds (docs/decisions.md, Offline transfer): far above a class's week offline, small enough for a renderer. */
export const OFFLINE_TRANSFER_LIMITS = {
  /** The file as picked (compressed). */
  fileBytes: 64 * 1024 * 1024,
  /** The JSON text once inflated; counted while inflating, so a gzip bomb stops here. */
  jsonBytes: 256 * 1024 * 1024,
  operations: 100_000,
  /** Rows per record table. */
  rowsPerTable: 100_000,
} as const;

/** The record tables a file may carry, in the order they are written on import. */
export const TRANSFER_TABLES = [
  'learners',
  'vrPackages',
  'lessons',
  'vrSessions',
  'activityProgress',
  'scormSessions',
  'lessonPlays',
  'contentSummaryLogs',
  'masteryLogs',
  'contentSessionLogs',
  'attemptLogs',
] as const;
export type TransferTable = (typeof TRANSFER_TABLES)[number];

const rowCount = <T extends z.ZodType>(schema: T) => z.array(schema).max(OFFLINE_TRANSFER_LIMITS.rowsPerTable);
const id = z.string().min(1).max(200);

/**
 * Records are checked for the fields this kiosk indexes and merges on (ids, owners, the unique pairs);
 * the rest is the source kiosk's own row, protected by the checksum and kept as it was.
 */
const recordSchemas = {
  learners: z.looseObject({ id: z.uuid(), tenant_id: z.uuid(), display_name: z.string().min(1).max(120), role: z.enum(['learner', 'instructor']) }),
  vrPackages: z.looseObject({ id: z.uuid(), title: z.string().min(1) }),
  lessons: z.looseObject({ id }),
  vrSessions: z.looseObject({ id: z.uuid(), user_id: z.uuid(), package_id: z.uuid(), status: z.enum(['downloading', 'downloaded', 'in_progress', 'completed']), created_at: z.string() }),
  activityProgress: z.looseObject({ id, user_id: z.uuid(), activity_id: id, status: z.string() }),
  scormSessions: z.looseObject({ id, user_id: id, package_id: id, version: z.number().int().nonnegative() }),
  lessonPlays: z.looseObject({ id, clientId: id, userId: id.optional(), lessonId: id }),
  contentSummaryLogs: z.looseObject({ id, user: id, content_id: id }),
  masteryLogs: z.looseObject({ id, user: id, content_id: id, summarylog: id, mastery_level: z.number().int() }),
  contentSessionLogs: z.looseObject({ id, user: id }),
  attemptLogs: z.looseObject({ id, masterylog: id, sessionlog: id, ordinal: z.number().int() }),
} satisfies Record<TransferTable, z.ZodType>;

/** An operation as it travels: its local order (`seq`) and any drain's claim stay behind. */
export const transferOperationSchema = outboxOperationSchema.omit({ seq: true, claimed_by: true });
export type TransferOperation = z.infer<typeof transferOperationSchema>;

export const transferContentSchema = z.object({
  /** In the order the source recorded them; delivered ones are here only as dependencies of others. */
  operations: z.array(transferOperationSchema).max(OFFLINE_TRANSFER_LIMITS.operations),
  /** Remote ids the source already learned for records these operations name. */
  id_map: rowCount(z.object({ entity: id, local_id: id, remote_id: id, recorded_at: z.string() })),
  records: z.object(Object.fromEntries(TRANSFER_TABLES.map((table) => [table, rowCount(recordSchemas[table])])) as { [K in TransferTable]: z.ZodArray<(typeof recordSchemas)[K]> }),
});
export type TransferContent = z.infer<typeof transferContentSchema>;

export const transferFileSchema = z.object({
  format: z.literal(OFFLINE_TRANSFER_FORMAT),
  version: z.literal(OFFLINE_TRANSFER_VERSION),
  export_id: z.uuid(),
  kiosk_id: z.uuid(),
  kiosk_name: z.string().max(80).nullable(),
  exported_at: z.iso.datetime(),
  checksum: z.object({ algorithm: z.literal('SHA-256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
  content: transferContentSchema,
});
export type TransferFile = z.infer<typeof transferFileSchema>;

/** How many operations of a file still have to reach the remote (delivered ones only travel as dependencies). */
export function undeliveredCount(operations: readonly Pick<TransferOperation, 'status'>[]): number {
  return operations.filter((op) => op.status !== 'done').length;
}
