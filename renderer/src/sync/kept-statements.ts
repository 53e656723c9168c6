import { resolveLocalRefs } from '../../../shared/sync/local-ref';
import type { InstructorGuard } from '../data/instructor-guard';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';
import { withRemoteRegistration } from './statement-request';
import { IdLookup } from './id-lookup';

/**
 * xAPI statements kept on the kiosk because no LRS is configured (held `no_lrs`, docs/api/xapi.md). They
 * are not waiting for the network, so nothing counts them as waiting; an instructor sees them on the Sync
 * page, can download them as standard xAPI, and setting an LRS sends them.
 */

function isKept(op: OutboxRow): boolean {
  return op.kind === 'xapi.statement' && op.held_reason === 'no_lrs';
}

/** How many statements are kept (held operations are few next to the outbox; the status index narrows). */
export function keptStatementCount(db: OutpostDb): Promise<number> {
  return db.outbox.where('status').equals('held').filter(isKept).count();
}

export interface KeptStatement {
  readonly id: string;
  readonly learnerId: string | null;
  /** The class list's name for the learner, or null when they left it (the id is shown instead). */
  readonly learnerName: string | null;
  readonly recordedAt: string;
  readonly activity: string;
  readonly verb: string;
}

type StatementShape = { id?: unknown; verb?: { display?: Record<string, unknown> }; object?: { id?: unknown; definition?: { name?: Record<string, unknown> } } };

function firstText(map: Record<string, unknown> | undefined): string | null {
  const value = map ? Object.values(map).find((v) => typeof v === 'string') : undefined;
  return typeof value === 'string' ? value : null;
}

/** The newest kept statements, for the list on the Sync page. */
export async function recentKeptStatements(db: OutpostDb, limit: number): Promise<KeptStatement[]> {
  const rows = await db.outbox.where('status').equals('held').filter(isKept).reverse().limit(limit).toArray();
  const learners = await db.learners.bulkGet(rows.map((op) => op.acting_user_id ?? ''));
  return rows.map((op, i) => {
    const body = (op.body ?? {}) as StatementShape;
    return {
      id: typeof body.id === 'string' ? body.id : op.entity_id,
      learnerId: op.acting_user_id,
      learnerName: learners[i]?.display_name ?? null,
      recordedAt: op.created_at,
      activity: firstText(body.object?.definition?.name) ?? (typeof body.object?.id === 'string' ? body.object.id : ''),
      verb: firstText(body.verb?.display) ?? '',
    };
  });
}

/**
 * Every kept statement as standard xAPI (an array, oldest first), as the LRS would receive it: session
 * references the remote already answered for carry the remote's id (and the registration); the others keep
 * their `local:` reference, which names the kiosk's own session. Instructor only: statements name learners.
 */
export async function exportKeptStatements(db: OutpostDb, guard: InstructorGuard): Promise<unknown[]> {
  await guard.require();
  const rows = await db.outbox.where('status').equals('held').filter(isKept).sortBy('seq');
  // Only the ids these statements name, not the whole id map (as long as everything the kiosk ever synced).
  const ids = new IdLookup(db);
  await ids.load(rows);
  return rows.map((op) => {
    const resolved: unknown = JSON.parse(resolveLocalRefs(JSON.stringify(op.body ?? null), (entity, id) => ids.get(entity, id)));
    return withRemoteRegistration({ method: 'POST', path: '/statements', body: resolved }).body;
  });
}

/**
 * An LRS is configured now: the kept statements go back to the queue (and sync sends them). Returns how
 * many it released. Anyone may trigger it: it sends nothing that was not going to be sent, and main only
 * answers `configured` when an instructor set an LRS.
 */
export async function releaseKeptStatements(db: OutpostDb, now: Date): Promise<number> {
  const at = now.toISOString();
  return db.transaction('rw', db.outbox, async () => {
    const kept = await db.outbox.where('status').equals('held').filter(isKept).toArray();
    await db.outbox.bulkUpdate(kept.map((op) => ({ key: op.seq ?? 0, changes: { status: 'pending' as const, held_reason: null, next_attempt_at: at, updated_at: at } })));
    return kept.length;
  });
}
