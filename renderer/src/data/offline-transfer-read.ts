import { formatIssues } from '../../../shared/ipc/format-issues';
import { digestsEqual, sha256Hex } from './crypto-hex';
import { OFFLINE_TRANSFER_FORMAT, OFFLINE_TRANSFER_LIMITS, OFFLINE_TRANSFER_VERSION, transferFileSchema } from './offline-transfer-format';
import type { TransferFile } from './offline-transfer-format';
import { gunzipBounded, InflateLimitError, looksGzipped } from './offline-transfer-gzip';

/**
 * Why a file is refused, each with its own sentence in the UI (storage.transfer.errors.*):
 * TOO_LARGE over a bound; NOT_AN_EXPORT some other file; DAMAGED cut short, changed or unreadable;
 * UNSUPPORTED_VERSION written by a newer Outpost; INVALID well-formed but not what an export holds.
 */
export type ReadError = 'TOO_LARGE' | 'NOT_AN_EXPORT' | 'DAMAGED' | 'UNSUPPORTED_VERSION' | 'INVALID';

export type ReadOutcome = { readonly ok: true; readonly file: TransferFile } | { readonly ok: false; readonly error: ReadError; readonly detail: string };

const refuse = (error: ReadError, detail: string): ReadOutcome => ({ ok: false, error, detail });

/** Our files start with this, so a cut-short one can be told from some other JSON. */
const SIGNATURE = `{"format":"${OFFLINE_TRANSFER_FORMAT}"`;

type Limits = Pick<typeof OFFLINE_TRANSFER_LIMITS, 'fileBytes' | 'jsonBytes'>;

async function inflate(blob: Blob, limits: Limits, onBytes: (done: number, total: number) => void): Promise<Uint8Array<ArrayBuffer> | ReadOutcome> {
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  if (!looksGzipped(head)) {
    if (blob.size > limits.jsonBytes) return refuse('TOO_LARGE', `more than ${limits.jsonBytes} bytes`);
    return new Uint8Array(await blob.arrayBuffer());
  }
  try {
    return await gunzipBounded(blob, limits.jsonBytes, (inflated) => onBytes(inflated, blob.size));
  } catch (error) {
    if (error instanceof InflateLimitError) return refuse('TOO_LARGE', error.message);
    return refuse('DAMAGED', error instanceof Error ? error.message : 'the compressed data ends early or is damaged');
  }
}

/**
 * Reads and checks a transfer file without touching the database: size, gzip (bounded), UTF-8, JSON,
 * format and version, the checksum over the content, then the schema. Never throws for a bad file.
 */
export async function readTransferFile(blob: Blob, onBytes: (done: number, total: number) => void = () => undefined, limits: Limits = OFFLINE_TRANSFER_LIMITS): Promise<ReadOutcome> {
  if (blob.size > limits.fileBytes) return refuse('TOO_LARGE', `the file is larger than ${limits.fileBytes} bytes`);
  if (blob.size === 0) return refuse('NOT_AN_EXPORT', 'the file is empty');
  const bytes = await inflate(blob, limits, onBytes);
  if (!(bytes instanceof Uint8Array)) return bytes;

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('NOT_AN_EXPORT', 'the file is not text');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text.startsWith(SIGNATURE) ? refuse('DAMAGED', 'the file ends early') : refuse('NOT_AN_EXPORT', 'the file is not an Outpost transfer');
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== OFFLINE_TRANSFER_FORMAT) return refuse('NOT_AN_EXPORT', 'the file is not an Outpost transfer');
  const { version, checksum, content } = parsed as { version?: unknown; checksum?: { value?: unknown }; content?: unknown };
  if (version !== OFFLINE_TRANSFER_VERSION) {
    return typeof version === 'number' && version > OFFLINE_TRANSFER_VERSION ? refuse('UNSUPPORTED_VERSION', `version ${version}`) : refuse('INVALID', `version ${String(version)}`);
  }
  if (typeof checksum?.value !== 'string' || content === undefined) return refuse('INVALID', 'no checksum or no content');
  if (!digestsEqual(await sha256Hex(JSON.stringify(content)), checksum.value)) return refuse('DAMAGED', 'the checksum does not match the content');

  const file = transferFileSchema.safeParse(parsed);
  if (!file.success) return refuse('INVALID', formatIssues(file.error.issues).slice(0, 300));
  const problem = consistencyProblem(file.data);
  return problem ? refuse('INVALID', problem) : { ok: true, file: file.data };
}

/**
 * What a checksum cannot catch in a file someone built by hand: an operation listed twice, one waiting on
 * an operation the file does not carry (it could never go), and records no operation names.
 */
function consistencyProblem(file: TransferFile): string | null {
  const { operations, records } = file.content;
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const op of operations) {
    if (ids.has(op.id) || keys.has(op.idempotency_key)) return `operation ${op.id} is listed twice`;
    ids.add(op.id);
    keys.add(op.idempotency_key);
  }
  for (const op of operations) for (const dep of op.depends_on) if (!ids.has(dep)) return `operation ${op.id} waits for ${dep}, which the file does not carry`;
  const named = new Set(operations.map((op) => op.entity_id));
  const owned = [...records.vrSessions, ...records.scormSessions, ...records.lessonPlays, ...records.contentSessionLogs];
  const stray = owned.find((row) => !named.has(row.id));
  return stray ? `record ${stray.id} is not named by any operation` : null;
}
