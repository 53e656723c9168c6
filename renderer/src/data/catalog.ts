import type { Activity } from '../../../shared/schemas/activity';
import type { Lesson, RosterResponse } from '../../../shared/schemas/catalog';
import type { VrPackageRecord } from '../../../shared/schemas/vr-package';
import type { CatalogChange, CatalogPullRow, CatalogTable, LearnerRow } from '../db/rows';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';

/** What one catalog pull downloaded, parsed and ready to store. */
export interface CatalogSnapshot {
  readonly roster: RosterResponse;
  readonly packages: readonly VrPackageRecord[];
  readonly activities: readonly Activity[];
  readonly lessons: readonly Lesson[];
}

export interface CatalogApplied {
  readonly seq: number;
  /** Learners the remote no longer lists: they stay until an instructor confirms (or keeps them). */
  readonly proposedRemovals: readonly string[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Stores a pull in one transaction, keeping the rows it replaced so the pull can be undone. It only adds
 * and updates: learners added on this kiosk are never touched by a pull's absence, and learners an earlier
 * pull brought that the remote no longer lists are proposed for removal, for an instructor to decide.
 * Local extras (PINs, lockouts, imported APK details) survive.
 */
export async function applyCatalog(ports: Pick<DataPorts, 'db' | 'now'>, snapshot: CatalogSnapshot): Promise<CatalogApplied> {
  const { db } = ports;
  const at = ports.now().toISOString();
  return db.transaction('rw', [db.learners, db.vrPackages, db.activities, db.lessons, db.catalogPulls], async () => {
    const changes: CatalogChange[] = [];
    const record = <T extends object>(table: CatalogTable, key: string, before: T | undefined, after: T) => {
      if (!before || !same(before, after)) changes.push({ table, key, before: before ?? null });
      return after;
    };
    const { roster } = snapshot;
    const existing = new Map((await db.learners.where('tenant_id').equals(roster.tenant_id).toArray()).map((l) => [l.id, l]));
    const others = await db.learners.bulkGet(roster.learners.filter((l) => !existing.has(l.id)).map((l) => l.id));
    for (const row of others) if (row) existing.set(row.id, row);
    const learners = roster.learners.map((l) => {
      const before = existing.get(l.id);
      const kept: LearnerRow = { ...before, ...l, tenant_id: roster.tenant_id, pin: before?.pin ?? null, source: 'remote', updated_at: before?.updated_at ?? at };
      // updated_at moves only when something the remote sends changed, so an unchanged roster records no change.
      return before && same(before, kept) ? kept : record('learners', l.id, before, { ...kept, updated_at: at });
    });
    await db.learners.bulkPut(learners);
    const pulled = new Set(roster.learners.map((l) => l.id));
    const proposedRemovals = [...existing.values()].filter((l) => l.tenant_id === roster.tenant_id && l.source === 'remote' && !pulled.has(l.id)).map((l) => l.id);

    const localPackages = await db.vrPackages.bulkGet(snapshot.packages.map((p) => p.id));
    await db.vrPackages.bulkPut(snapshot.packages.map((p, i) => record('vrPackages', p.id, localPackages[i], { ...localPackages[i], ...p, origin: 'remote' as const })));
    const activities = await db.activities.bulkGet(snapshot.activities.map((a) => a.id));
    await db.activities.bulkPut(snapshot.activities.map((a, i) => record('activities', a.id, activities[i], a)));
    const lessons = await db.lessons.bulkGet(snapshot.lessons.map((l) => l.id));
    await db.lessons.bulkPut(snapshot.lessons.map((l, i) => record('lessons', l.id, lessons[i], l)));

    // A newer pull carries the current proposal; an older one still waiting is no longer the question.
    await db.catalogPulls.where('at').below(at).filter((p) => p.removals === 'pending').modify({ removals: 'kept' });
    const row: CatalogPullRow = { at, changes, proposed_removals: proposedRemovals, removals: proposedRemovals.length > 0 ? 'pending' : 'none', undone_at: null };
    const seq = await db.catalogPulls.add(row);
    return { seq, proposedRemovals };
  });
}

/** The latest pull not undone, with what it proposes: what the instructor's review shows. */
export async function latestCatalogPull(ports: Pick<DataPorts, 'db'>): Promise<CatalogPullRow | undefined> {
  return ports.db.catalogPulls.orderBy('at').reverse().filter((p) => p.undone_at === null).first();
}

async function pendingPull(ports: Pick<DataPorts, 'db'>, seq: number): Promise<CatalogPullRow & { seq: number }> {
  const pull = await ports.db.catalogPulls.get(seq);
  if (!pull || pull.seq === undefined || pull.removals !== 'pending' || pull.undone_at !== null) throw new CatalogDecisionError('This catalog pull has no removals waiting for a decision');
  return { ...pull, seq: pull.seq };
}

export class CatalogDecisionError extends Error {
  readonly code = 'NOTHING_TO_DECIDE';
}

/**
 * The instructor confirmed the removals a pull proposed. The removed rows join the pull's before-images,
 * so undoing the pull brings them back; what the learners recorded stays and still syncs.
 */
export async function confirmProposedRemovals(ports: Pick<DataPorts, 'db'>, guard: InstructorGuard, seq: number): Promise<number> {
  await guard.require();
  const { db } = ports;
  return db.transaction('rw', [db.catalogPulls, db.learners, db.authSessions], async () => {
    const pull = await pendingPull(ports, seq);
    const rows = (await db.learners.bulkGet([...pull.proposed_removals])).flatMap((row) => (row ? [row] : []));
    const ids = rows.map((row) => row.id);
    await db.learners.bulkDelete(ids);
    await db.authSessions.where('user_id').anyOf(ids).delete();
    const removed: CatalogChange[] = rows.map((row) => ({ table: 'learners', key: row.id, before: row }));
    await db.catalogPulls.update(seq, { removals: 'applied', changes: [...pull.changes, ...removed] });
    return rows.length;
  });
}

/** The instructor keeps the learners a pull proposed to remove: they become this kiosk's own. */
export async function keepProposedLearners(ports: Pick<DataPorts, 'db'>, guard: InstructorGuard, seq: number): Promise<number> {
  await guard.require();
  const { db } = ports;
  return db.transaction('rw', [db.catalogPulls, db.learners], async () => {
    const pull = await pendingPull(ports, seq);
    const kept = await db.learners.where('id').anyOf([...pull.proposed_removals]).modify({ source: 'local' });
    await db.catalogPulls.update(seq, { removals: 'kept' });
    return kept;
  });
}

const LOCAL_EXTRAS = ['pin', 'pin_failures', 'pin_locked_until', 'pin_lock_level'] as const;

/**
 * Puts back what the latest pull changed, newest change first. A learner's PIN and lockout are the
 * kiosk's own, set after the pull perhaps, so they stay as they are now.
 */
export async function undoLastCatalogPull(ports: Pick<DataPorts, 'db' | 'now'>, guard: InstructorGuard): Promise<{ restored: number } | null> {
  await guard.require();
  const { db } = ports;
  return db.transaction('rw', [db.catalogPulls, db.learners, db.vrPackages, db.activities, db.lessons], async () => {
    const pull = await latestCatalogPull(ports);
    if (!pull?.seq) return null;
    for (const change of [...pull.changes].reverse()) {
      const table = db.table(change.table);
      if (change.before === null) {
        await table.delete(change.key);
        continue;
      }
      let before = change.before as Record<string, unknown>;
      if (change.table === 'learners') {
        const now = (await db.learners.get(change.key)) as Record<string, unknown> | undefined;
        if (now) before = { ...before, ...Object.fromEntries(LOCAL_EXTRAS.map((k) => [k, now[k]])) };
      }
      await table.put(before);
    }
    await db.catalogPulls.update(pull.seq, { undone_at: ports.now().toISOString(), removals: pull.removals === 'pending' ? 'kept' : pull.removals });
    return { restored: pull.changes.length };
  });
}
