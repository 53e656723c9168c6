import { Dexie } from 'dexie';
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import { REBUILD } from '../../../shared/progress/summary-rules';

/** Dexie's DBCoreRangeType.Equal, .Range and .Any (an ambient const enum, which isolated modules cannot read). */
const EQUAL = 1 as DBCoreRangeType;
const RANGE = 2 as DBCoreRangeType;
const ANY = 3 as DBCoreRangeType;

/** The range of one key (the whole key of an index). */
export const equalRange = (key: unknown): DBCoreKeyRange => ({ type: EQUAL, lower: key, upper: key, lowerOpen: false, upperOpen: false });
/** Every key of a compound index that starts with `prefix` (its later parts anything). */
export const prefixRange = (prefix: readonly unknown[]): DBCoreKeyRange => ({ type: RANGE, lower: [...prefix, Dexie.minKey], upper: [...prefix, Dexie.maxKey], lowerOpen: false, upperOpen: false });

/**
 * How one summary table follows one source table. A summary stands for the source rows that share a key;
 * it is the summary table's primary key, and a range of an index of the source reads those rows again.
 */
export interface SummarySpec<Row, Summary> {
  /** The table written by callers. */
  readonly source: string;
  /** The table of summaries (primary key: the key of `keyOf`), written only here. */
  readonly summary: string;
  /** Names the summaries in errors ("VR summaries"). */
  readonly label: string;
  /** The row as far as the summary goes, or undefined for a row no summary stands for. */
  readonly asRow: (row: unknown) => Row | undefined;
  /** The summary's key of a row `asRow` accepted. */
  readonly keyOf: (row: Row) => readonly unknown[];
  /** The source index and its range holding one key's rows (read when a summary asks to be rebuilt). */
  readonly rowsOf: (key: readonly unknown[]) => { readonly index: readonly string[]; readonly range: DBCoreKeyRange };
  /** The summary after rows were removed and added (an update is both), null when none is left, or REBUILD. */
  readonly apply: (summary: Summary | undefined, removed: readonly Row[], added: readonly Row[]) => Summary | null | typeof REBUILD;
  /** A key's summary made afresh from its rows (null when there are none). */
  readonly summarize: (rows: readonly Row[]) => Summary | null;
}

/** A spec with its row and summary types erased, so specs of several kinds go in one list. */
export interface AnySummarySpec {
  readonly source: string;
  readonly summary: string;
  readonly label: string;
  readonly asRow: (row: unknown) => unknown;
  readonly keyOf: (row: unknown) => readonly unknown[];
  readonly rowsOf: SummarySpec<unknown, unknown>['rowsOf'];
  readonly apply: (summary: unknown, removed: readonly unknown[], added: readonly unknown[]) => unknown;
  readonly summarize: (rows: readonly unknown[]) => unknown;
}

/** Erases a spec's types (each function is only ever given what its own asRow accepted, or its own summaries). */
export function summarySpec<Row, Summary>(spec: SummarySpec<Row, Summary>): AnySummarySpec {
  return spec as unknown as AnySummarySpec;
}

/** Source rows read per step while a schema upgrade builds summaries: it holds one page, not the table. */
export const SUMMARY_BUILD_PAGE = 2000;

/**
 * Builds every summary of `spec` from the rows its source table already holds, paging through them by
 * primary key (a schema upgrade that adds a summary table). Returns how many summaries it wrote.
 */
export async function buildSummaries(tx: Transaction, spec: AnySummarySpec): Promise<number> {
  const source = tx.table<{ id: string }, string>(spec.source);
  const summaries = new Map<string, unknown>();
  let last: string | undefined;
  for (;;) {
    const page = await (last === undefined ? source.orderBy(':id') : source.where(':id').above(last)).limit(SUMMARY_BUILD_PAGE).toArray();
    for (const raw of page) {
      const row = spec.asRow(raw);
      if (row === undefined) continue;
      const key = JSON.stringify(spec.keyOf(row));
      const next = spec.apply(summaries.get(key), [], [row]);
      // Adding never asks for a rebuild; a summary is never emptied by adding.
      if (next === REBUILD || next === null) throw new Error(`${spec.label}: a summary could not take a row in`);
      summaries.set(key, next);
    }
    if (page.length < SUMMARY_BUILD_PAGE) break;
    last = page.at(-1)!.id;
  }
  await tx.table(spec.summary).bulkPut([...summaries.values()]);
  return summaries.size;
}

interface KeyChange {
  readonly key: readonly unknown[];
  readonly removed: unknown[];
  readonly added: unknown[];
}

// Everything here chains Dexie's own promises (then, Dexie.Promise), never a native await: Dexie's layers
// below read the running transaction from its zone, which a native await in a middleware loses.

interface Before {
  readonly keys: unknown[];
  readonly before: Map<unknown, unknown>;
}

/** Every source row the request may change, as it is before the request: keyed by primary key. */
function rowsBefore(source: DBCoreTable, req: DBCoreMutateRequest): Promise<Before> {
  const { trans } = req;
  const extractKey = source.schema.primaryKey.extractKey;
  if (req.type === 'deleteRange') {
    return source.query({ trans, values: true, query: { index: source.schema.primaryKey, range: req.range } }).then((found) => {
      const rows = found.result as unknown[];
      return { keys: rows.map((row) => extractKey?.(row)), before: new Map(rows.map((row) => [extractKey?.(row), row])) };
    });
  }
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((value: unknown) => extractKey?.(value)));
  // An add writes only new keys (an existing one fails the add), so there is nothing to read before it.
  if (req.type === 'add') return Dexie.Promise.resolve({ keys, before: new Map() });
  // Read from the store, never from Dexie's per-transaction cache of existing values, which an add does not
  // clear: a row added after a cached miss would be read as missing and counted twice.
  return source.getMany({ trans, keys }).then((rows) => ({ keys, before: new Map(keys.flatMap((key, i) => (rows[i] === undefined ? [] : [[key, rows[i]] as const]))) }));
}

/**
 * What the request changed, per summary key: each primary key's row before the request removed and its
 * row after added (only operations that succeeded count; a key written twice counts its last write).
 */
function changesOf(spec: AnySummarySpec, req: DBCoreMutateRequest, res: DBCoreMutateResponse, keys: readonly unknown[], before: ReadonlyMap<unknown, unknown>): KeyChange[] {
  const after = new Map<unknown, unknown>();
  keys.forEach((key, i) => {
    if (req.type !== 'deleteRange' && i in res.failures) return;
    after.set(key, req.type === 'add' || req.type === 'put' ? req.values[i] : undefined);
  });
  const changes = new Map<string, KeyChange>();
  const change = (row: unknown) => {
    const key = spec.keyOf(row);
    const id = JSON.stringify(key);
    let found = changes.get(id);
    if (!found) changes.set(id, (found = { key, removed: [], added: [] }));
    return found;
  };
  for (const [key, row] of after) {
    const old = spec.asRow(before.get(key));
    const next = spec.asRow(row);
    if (old !== undefined) change(old).removed.push(old);
    if (next !== undefined) change(next).added.push(next);
  }
  return [...changes.values()];
}

/** One key's source rows, read again inside the writing transaction (a summary that cannot follow a change). */
function rowsOfKey(spec: AnySummarySpec, source: DBCoreTable, trans: DBCoreTransaction, key: readonly unknown[]): Promise<unknown[]> {
  const { index: keyPath, range } = spec.rowsOf(key);
  const index = source.schema.getIndexByKeyPath([...keyPath]);
  if (!index) return Dexie.Promise.reject(new Error(`${spec.source} has no [${keyPath.join('+')}] index: the ${spec.label} cannot be rebuilt`));
  return source.query({ trans, values: true, query: { index, range } }).then((found) => (found.result as unknown[]).flatMap((row) => spec.asRow(row) ?? []));
}

function abortQuietly(trans: DBCoreTransaction): void {
  try {
    trans.abort();
  } catch {
    // Already finished or aborted: nothing of it commits.
  }
}

function failIfAny(res: DBCoreMutateResponse, what: string): void {
  if (res.numFailures > 0) throw Object.values(res.failures)[0] ?? new Error(`${what} failed`);
}

/** Writes the summaries that follow from `changes`, in the transaction the source rows were written in. */
function writeSummaries(spec: AnySummarySpec, down: DBCore, source: DBCoreTable, trans: DBCoreTransaction, changes: readonly KeyChange[]): Promise<void> {
  if (changes.length === 0) return Dexie.Promise.resolve();
  const summaries = down.table(spec.summary);
  return summaries
    .getMany({ trans, keys: changes.map((c) => c.key) })
    .then((current) => {
      const next = changes.map((change, i) => spec.apply(current[i], change.removed, change.added));
      // A summary that cannot follow (its newest row went) is made again from its rows, as they are now.
      return Dexie.Promise.all(next.map((summary, i) => (summary === REBUILD ? rowsOfKey(spec, source, trans, changes[i]!.key).then(spec.summarize) : summary))).then((settled) => {
        const puts: unknown[] = [];
        const deletes: (readonly unknown[])[] = [];
        settled.forEach((summary, i) => {
          if (summary) puts.push(summary);
          else if (current[i]) deletes.push(changes[i]!.key);
        });
        const writes: Promise<void>[] = [];
        if (puts.length > 0) writes.push(summaries.mutate({ type: 'put', trans, values: puts }).then((res) => failIfAny(res, `writing ${spec.label}`)));
        if (deletes.length > 0) writes.push(summaries.mutate({ type: 'delete', trans, keys: deletes }).then((res) => failIfAny(res, `deleting ${spec.label}`)));
        return Dexie.Promise.all(writes);
      });
    })
    .then(() => undefined);
}

/**
 * One write to a source table and the summaries it changes. If the summaries cannot be written, the
 * transaction is aborted: the rows are written already, and a single write outside a transaction would
 * otherwise commit them alone.
 */
function mutateWithSummaries(spec: AnySummarySpec, down: DBCore, source: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const orAbort = (error: unknown): never => {
    abortQuietly(req.trans);
    throw error;
  };
  // Emptying the table (clear) empties the summaries, without reading every row first.
  if (req.type === 'deleteRange' && req.range.type === ANY) {
    return source.mutate(req).then((res) => down.table(spec.summary).mutate({ type: 'deleteRange', trans: req.trans, range: req.range }).then(() => res, orAbort));
  }
  return rowsBefore(source, req).then(({ keys, before }) =>
    source.mutate(req).then((res) => writeSummaries(spec, down, source, req.trans, changesOf(spec, req, res, keys, before)).then(() => res, orAbort)),
  );
}

/**
 * Keeps each spec's summary table in step with its source table below every write path: each add, put,
 * update, modify, delete or clear of source rows also writes the summaries it changes, in the same
 * IndexedDB transaction, so both are committed or neither. A read-write transaction over a source table
 * always has its summary table in its scope (added here), so no caller has to name it and none can forget
 * it; were it missing anyway, the summary write throws (NotFoundError), the transaction is aborted and the
 * source write fails with it, never committing alone. Writes made with IndexedDB directly, past Dexie
 * (only some benchmarks and tests seed that way), are not seen.
 *
 * It sits above Dexie's observability (level 0), so live queries over summaries wake on these writes,
 * and below its hooks (level 2). One source table has at most one spec.
 */
export function summaryMiddleware(name: string, specs: readonly AnySummarySpec[]): Middleware<DBCore> {
  const bySource = new Map(specs.map((spec) => [spec.source, spec]));
  if (bySource.size !== specs.length) throw new Error('summaryMiddleware: one spec per source table');
  return {
    stack: 'dbcore',
    name,
    level: 1,
    create: (down) => ({
      transaction: (stores, mode, options) => {
        if (mode !== 'readwrite') return down.transaction(stores, mode, options);
        const missing = specs.filter((spec) => stores.includes(spec.source) && !stores.includes(spec.summary)).map((spec) => spec.summary);
        return down.transaction(missing.length > 0 ? [...stores, ...missing] : stores, mode, options);
      },
      table: (tableName) => {
        const table = down.table(tableName);
        const spec = bySource.get(tableName);
        return spec ? { ...table, mutate: (req: DBCoreMutateRequest) => mutateWithSummaries(spec, down, table, req) } : table;
      },
    }),
  };
}
