import type { InstructorGuard } from '../data/instructor-guard';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';
import type { CompleteVrSessionRequest } from '../../../shared/schemas/vr-session-complete';
import { applyCompletionCorrection } from './completion-correction';
import { checkEditedBody, isEditable } from './editable-bodies';

/** An operation the remote refused for good, as the user decides about it. */
export interface DeadLetter {
  readonly op: OutboxRow;
  /** null when the write is not a learner's; the learner's id when they have left the class list. */
  readonly learnerName: string | null;
  /** What the write is about, as people name it (the VR experience's title), when the kiosk knows. */
  readonly subject: string | null;
  /** Queued operations that wait on this one, directly or through others (they cannot go before it). */
  readonly dependents: number;
}

export interface DeadLetterReport {
  readonly letters: readonly DeadLetter[];
  /** Queued operations that cannot go until some refused one is retried or discarded. */
  readonly blocked: number;
}

const UNSENT = ['pending', 'in_flight', 'dead'] as const;

async function unsentOps(db: OutpostDb): Promise<OutboxRow[]> {
  // One equals() per status: anyOf() walks a cursor that is quadratic in fake-indexeddb.
  const groups = await Promise.all(UNSENT.map((status) => db.outbox.where('status').equals(status).toArray()));
  return groups.flat().sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/** A new attempt's create waits on the previous attempt's completion only for order (dependency-gate.ts). */
function orderingOnly(op: OutboxRow, depKind: string | undefined): boolean {
  return op.kind === 'vr_session.create' && depKind === 'vr_session.complete';
}

/**
 * Every unsent operation waiting on `rootId`, however indirectly (complete waits on create, xAPI on
 * complete). With `needsOnly`, an edge that only orders (see orderingOnly) is not followed.
 */
function dependentsOf(rootId: string, ops: readonly OutboxRow[], needsOnly = false): OutboxRow[] {
  const kindOf = new Map(ops.map((op) => [op.id, op.kind]));
  const waiting = new Map<string, OutboxRow[]>();
  for (const op of ops) {
    for (const dep of op.depends_on) {
      if (needsOnly && orderingOnly(op, kindOf.get(dep))) continue;
      waiting.set(dep, [...(waiting.get(dep) ?? []), op]);
    }
  }
  const found = new Map<string, OutboxRow>();
  const frontier = [rootId];
  for (let id = frontier.pop(); id !== undefined; id = frontier.pop()) {
    for (const op of waiting.get(id) ?? []) {
      if (op.id === rootId || found.has(op.id)) continue;
      found.set(op.id, op);
      frontier.push(op.id);
    }
  }
  return [...found.values()];
}

/** VR operations (create, complete, steps, their statements) are keyed by the session: name its package. */
async function subjectsOf(db: OutpostDb, ops: readonly OutboxRow[]): Promise<Map<string, string>> {
  const sessionIds = [...new Set(ops.filter((op) => op.kind.startsWith('vr_session.') || op.kind === 'xapi.statement').map((op) => op.entity_id))];
  const sessions = (await db.vrSessions.bulkGet(sessionIds)).flatMap((s) => (s ? [s] : []));
  const packages = new Map((await db.vrPackages.bulkGet([...new Set(sessions.map((s) => s.package_id))])).flatMap((p) => (p ? [[p.id, p.title] as const] : [])));
  return new Map(sessions.flatMap((s) => { const title = packages.get(s.package_id); return title ? [[s.id, title] as const] : []; }));
}

export async function readDeadLetters(db: OutpostDb): Promise<DeadLetterReport> {
  const ops = await unsentOps(db);
  const dead = ops.filter((op) => op.status === 'dead');
  const learnerIds = [...new Set(dead.flatMap((op) => (op.acting_user_id ? [op.acting_user_id] : [])))];
  const learners = new Map((await db.learners.bulkGet(learnerIds)).flatMap((l) => (l ? [[l.id, l.display_name] as const] : [])));
  const subjects = await subjectsOf(db, dead);
  const blocked = new Set<string>();
  const letters = dead.map((op) => {
    const dependents = dependentsOf(op.id, ops);
    for (const d of dependents) if (d.status !== 'dead') blocked.add(d.id);
    const learnerName = op.acting_user_id ? (learners.get(op.acting_user_id) ?? op.acting_user_id) : null;
    return { op, learnerName, subject: subjects.get(op.entity_id) ?? null, dependents: dependents.length };
  });
  return { letters, blocked: blocked.size };
}

/**
 * Sends a refused operation again, as if newly queued (the user fixed the cause, e.g. added the package
 * remotely). Its idempotency key stays, so a remote that did apply it after all answers with the same
 * result instead of applying it twice. False when it is no longer a dead letter.
 */
export async function retryDeadLetter(db: OutpostDb, guard: InstructorGuard, id: string, now: Date): Promise<boolean> {
  await guard.require();
  return db.transaction('rw', db.outbox, async () => {
    const op = await db.outbox.where('id').equals(id).first();
    if (op?.status !== 'dead' || op.seq === undefined) return false;
    const at = now.toISOString();
    await db.outbox.update(op.seq, { status: 'pending', attempts: 0, next_attempt_at: at, claimed_by: null, updated_at: at });
    return true;
  });
}

/** What a dependent of a discarded operation is told: it can never be sent as recorded. */
export const DEPENDENCY_DISCARDED = 'DEPENDENCY_DISCARDED';

/**
 * Drops just the refused operation. The records it describes stay on this kiosk, and nothing else is
 * dropped silently: what waited on it (a completion behind a refused create, say) can no longer be sent
 * as recorded, so each becomes a dead letter of its own for the instructor to decide about, with that
 * reason. Operations that only waited for it to be ordered (a later attempt's create) go on. Returns how
 * many operations it changed: 0 when it was no longer a dead letter.
 */
export async function discardDeadLetter(db: OutpostDb, guard: InstructorGuard, id: string, now = new Date()): Promise<number> {
  await guard.require();
  return db.transaction('rw', db.outbox, async () => {
    const ops = await unsentOps(db);
    const root = ops.find((op) => op.id === id);
    if (root?.status !== 'dead' || root.seq === undefined) return 0;
    await db.outbox.delete(root.seq);
    const stranded = dependentsOf(id, ops, true).filter((op) => op.status !== 'dead');
    const at = now.toISOString();
    const lastError = { status: null, code: DEPENDENCY_DISCARDED, message: `Waited on ${root.kind}, which was discarded` };
    await db.outbox.bulkUpdate(stranded.flatMap((op) => (op.seq === undefined ? [] : [{ key: op.seq, changes: { status: 'dead' as const, claimed_by: null, last_error: lastError, updated_at: at } }])));
    return 1 + stranded.length;
  });
}

export type ResendResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'not_dead' | 'not_editable' | 'invalid'; readonly issues: readonly string[] };

/**
 * The instructor corrected a refused operation's body (a VR completion's time spent, say) and sends it
 * again. The body must pass the seed's request schema for that operation; it goes under a new idempotency
 * key, since it is a different request from the one the remote refused. A corrected VR completion also
 * corrects, in the same transaction, what was recorded from it: the kiosk's session (and the activity
 * progress it set) and its xAPI statement: still unsent, it takes the new values; already stored by an
 * LRS, it is voided and a corrected one queued (completion-correction.ts). All of that, or none of it.
 */
export async function resendDeadLetter(db: OutpostDb, guard: InstructorGuard, id: string, body: unknown, now: Date, newKey: () => string = () => crypto.randomUUID()): Promise<ResendResult> {
  await guard.require();
  return db.transaction('rw', [db.outbox, db.vrSessions, db.activityProgress], async (): Promise<ResendResult> => {
    const op = await db.outbox.where('id').equals(id).first();
    if (op?.status !== 'dead' || op.seq === undefined) return { ok: false, reason: 'not_dead', issues: [] };
    if (!isEditable(op.kind)) return { ok: false, reason: 'not_editable', issues: [] };
    const checked = checkEditedBody(op.kind, body);
    if (!checked.ok) return { ok: false, reason: 'invalid', issues: checked.issues };
    const at = now.toISOString();
    await db.outbox.update(op.seq, { body: checked.body, idempotency_key: newKey(), status: 'pending', attempts: 0, next_attempt_at: at, claimed_by: null, last_error: null, updated_at: at });
    if (op.kind === 'vr_session.complete') await applyCompletionCorrection({ db, now: () => now, newId: newKey }, op, checked.body as CompleteVrSessionRequest);
    return { ok: true };
  });
}
