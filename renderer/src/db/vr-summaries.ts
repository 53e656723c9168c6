import { Dexie } from 'dexie';
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { applyToSummary, REBUILD, summarize } from '../../../shared/progress/vr-summary';
import type { VrSummary, VrSummarySession } from '../../../shared/progress/vr-summary';

export const VR_SESSIONS_TABLE = 'vrSessions';
export const VR_SUMMARIES_TABLE = 'vrSummaries';

/** Dexie's DBCoreRangeType.Equal and .Any (an ambient const enum, which isolated modules cannot read). */
const EQUAL = 1 as DBCoreRangeType;
const ANY = 3 as DBCoreRangeType;
const equal = (key: unknown): DBCoreKeyRange => ({ type: EQUAL, lower: key, upper: key, lowerOpen: false, upperOpen: false });

/** A session row as far as the summary goes; rows without a learner and package id (no such row is written) are left out. */
function asSession(row: unknown): VrSummarySession | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Partial<VrSummarySession>;
  return typeof r.user_id === 'string' && typeof r.package_id === 'string' && typeof r.id === 'string' && typeof r.created_at === 'string' ? (row as VrSummarySession) : undefined;
}

const pairOf = (s: VrSummarySession) => JSON.stringify([s.user_id, s.package_id]);

interface PairChange {
  readonly key: [string, string];
  readonly removed: VrSummarySession[];
  readonly added: VrSummarySession[];
}

// Everything here chains Dexie's own promises (then, Dexie.Promise), never a native await: Dexie's layers
// below read the running transaction from its zone, which a native await in a middleware loses.

interface Before {
  readonly keys: unknown[];
  readonly before: Map<unknown, unknown>;
}

/** Every session the request may change, as it is before the request: keyed by primary key. */
function rowsBefore(sessions: DBCoreTable, req: DBCoreMutateRequest): Promise<Before> {
  const { trans } = req;
  const extractKey = sessions.schema.primaryKey.extractKey;
  if (req.type === 'deleteRange') {
    return sessions.query({ trans, values: true, query: { index: sessions.schema.primaryKey, range: req.range } }).then((found) => {
      const rows = found.result as unknown[];
      return { keys: rows.map((row) => extractKey?.(row)), before: new Map(rows.map((row) => [extractKey?.(row), row])) };
    });
  }
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((value: unknown) => extractKey?.(value)));
  // An add writes only new keys (an existing one fails the add), so there is nothing to read before it.
  if (req.type === 'add') return Dexie.Promise.resolve({ keys, before: new Map() });
  // Read from the store, never from Dexie's per-transaction cache of existing values, which an add does not
  // clear: a row added after a cached miss would be read as missing and counted twice.
  return sessions.getMany({ trans, keys }).then((rows) => ({ keys, before: new Map(keys.flatMap((key, i) => (rows[i] === undefined ? [] : [[key, rows[i]] as const]))) }));
}

/**
 * What the request changed, per learner and package: each key's row before the request removed and its
 * row after added (only operations that succeeded count; a key written twice counts its last write).
 */
function changesOf(req: DBCoreMutateRequest, res: DBCoreMutateResponse, keys: readonly unknown[], before: ReadonlyMap<unknown, unknown>): PairChange[] {
  const after = new Map<unknown, unknown>();
  keys.forEach((key, i) => {
    if (req.type !== 'deleteRange' && i in res.failures) return;
    after.set(key, req.type === 'add' || req.type === 'put' ? req.values[i] : undefined);
  });
  const pairs = new Map<string, PairChange>();
  const change = (s: VrSummarySession) => {
    const id = pairOf(s);
    let pair = pairs.get(id);
    if (!pair) pairs.set(id, (pair = { key: [s.user_id, s.package_id], removed: [], added: [] }));
    return pair;
  };
  for (const [key, row] of after) {
    const old = asSession(before.get(key));
    const next = asSession(row);
    if (old) change(old).removed.push(old);
    if (next) change(next).added.push(next);
  }
  return [...pairs.values()];
}

/** One learner's sessions of one package, read again inside the writing transaction (a summary that cannot follow a change). */
function pairSessions(sessions: DBCoreTable, trans: DBCoreTransaction, key: readonly [string, string]): Promise<VrSummarySession[]> {
  const index = sessions.schema.getIndexByKeyPath(['user_id', 'package_id']);
  if (!index) return Dexie.Promise.reject(new Error('vrSessions has no [user_id+package_id] index: the VR summaries cannot be rebuilt'));
  return sessions.query({ trans, values: true, query: { index, range: equal(key) } }).then((found) => (found.result as unknown[]).flatMap((row) => asSession(row) ?? []));
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

/** Writes the summaries that follow from `changes`, in the transaction the sessions were written in. */
function writeSummaries(down: DBCore, sessions: DBCoreTable, trans: DBCoreTransaction, changes: readonly PairChange[]): Promise<void> {
  if (changes.length === 0) return Dexie.Promise.resolve();
  const summaries = down.table(VR_SUMMARIES_TABLE);
  return summaries
    .getMany({ trans, keys: changes.map((c) => c.key) })
    .then((found) => {
      const current = found as (VrSummary | undefined)[];
      const next = changes.map((change, i) => applyToSummary(current[i], change.removed, change.added));
      // A summary that cannot follow (its newest session went) is made again from its sessions, as they are now.
      return Dexie.Promise.all(next.map((summary, i) => (summary === REBUILD ? pairSessions(sessions, trans, changes[i]!.key).then(summarize) : summary))).then((settled) => {
        const puts: VrSummary[] = [];
        const deletes: [string, string][] = [];
        settled.forEach((summary, i) => {
          if (summary) puts.push(summary);
          else if (current[i]) deletes.push(changes[i]!.key);
        });
        const writes: Promise<void>[] = [];
        if (puts.length > 0) writes.push(summaries.mutate({ type: 'put', trans, values: puts }).then((res) => failIfAny(res, 'writing VR summaries')));
        if (deletes.length > 0) writes.push(summaries.mutate({ type: 'delete', trans, keys: deletes }).then((res) => failIfAny(res, 'deleting VR summaries')));
        return Dexie.Promise.all(writes);
      });
    })
    .then(() => undefined);
}

/**
 * One write to vrSessions and the summaries it changes. If the summaries cannot be written, the
 * transaction is aborted: the sessions are written already, and a single write outside a transaction
 * would otherwise commit them alone.
 */
function mutateWithSummaries(down: DBCore, sessions: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const orAbort = (error: unknown): never => {
    abortQuietly(req.trans);
    throw error;
  };
  // Emptying the table (clear) empties the summaries, without reading every session first.
  if (req.type === 'deleteRange' && req.range.type === ANY) {
    return sessions.mutate(req).then((res) => down.table(VR_SUMMARIES_TABLE).mutate({ type: 'deleteRange', trans: req.trans, range: req.range }).then(() => res, orAbort));
  }
  return rowsBefore(sessions, req).then(({ keys, before }) =>
    sessions.mutate(req).then((res) => writeSummaries(down, sessions, req.trans, changesOf(req, res, keys, before)).then(() => res, orAbort)),
  );
}

/**
 * Keeps `vrSummaries` (one row per learner and VR package, shared/progress/vr-summary.ts) in step with
 * `vrSessions` below every write path: each add, put, update, modify, delete or clear of VR sessions also
 * writes the summaries it changes, in the same IndexedDB transaction, so both are committed or neither.
 * A read-write transaction over vrSessions always has vrSummaries in its scope (added here), so no caller
 * has to name it and none can forget it; were it missing anyway, the summary write throws (NotFoundError),
 * the transaction is aborted and the session write fails with it, never committing alone. Writes made
 * with IndexedDB directly, past Dexie (only some benchmarks and tests seed that way), are not seen.
 *
 * It sits above Dexie's observability (level 0), so live queries over summaries wake on these writes,
 * and below its hooks (level 2).
 */
export const vrSummaryMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'VrSummaries',
  level: 1,
  create: (down) => ({
    transaction: (stores, mode, options) =>
      down.transaction(mode === 'readwrite' && stores.includes(VR_SESSIONS_TABLE) && !stores.includes(VR_SUMMARIES_TABLE) ? [...stores, VR_SUMMARIES_TABLE] : stores, mode, options),
    table: (name) => {
      const table = down.table(name);
      return name === VR_SESSIONS_TABLE ? { ...table, mutate: (req: DBCoreMutateRequest) => mutateWithSummaries(down, table, req) } : table;
    },
  }),
};
