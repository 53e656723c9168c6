import type { RosterImport } from '../../../shared/schemas/learner';
import { hashPin } from './pin-hash';
import type { LearnerRow } from '../db/rows';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';

/** What the roster picker and the instructor's lists show: never a PIN hash or lockout counters. */
export interface RosterEntry {
  readonly id: string;
  readonly tenant_id: string;
  readonly display_name: string;
  readonly role: LearnerRow['role'];
  readonly has_pin: boolean;
  readonly source: 'local' | 'remote';
  readonly locked_until: string | null;
}

export function toRosterEntry(row: LearnerRow): RosterEntry {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    display_name: row.display_name,
    role: row.role,
    has_pin: row.pin !== null,
    source: row.source ?? 'local',
    locked_until: row.pin_locked_until ?? null,
  };
}

export async function listRoster(ports: Pick<DataPorts, 'db'>): Promise<RosterEntry[]> {
  return (await ports.db.learners.toArray()).map(toRosterEntry);
}

export function countLearners(ports: Pick<DataPorts, 'db'>): Promise<number> {
  return ports.db.learners.count();
}

/**
 * Adds or updates every learner of a checked class list in one transaction. PINs are the kiosk's own
 * (the file never carries them), so a re-import keeps the ones an instructor already set; a learner the
 * catalog brought stays 'remote', everyone else added here is 'local' and no catalog pull removes them.
 */
export async function importRoster(ports: DataPorts, guard: InstructorGuard, roster: RosterImport): Promise<number> {
  await guard.require();
  const { db } = ports;
  const at = ports.now().toISOString();
  return db.transaction('rw', db.learners, async () => {
    const existing = await db.learners.bulkGet(roster.learners.map((learner) => learner.id));
    const rows: LearnerRow[] = roster.learners.map((learner, index) => {
      const before = existing[index];
      return {
        ...before,
        id: learner.id,
        tenant_id: roster.tenant_id,
        display_name: learner.display_name,
        role: learner.role,
        pin: before?.pin ?? null,
        source: before?.source ?? 'local',
        updated_at: at,
      };
    });
    await db.learners.bulkPut(rows);
    return rows.length;
  });
}

/**
 * Sets (or with null, clears) a learner's PIN, and lifts any lockout: this is how an instructor resets a
 * forgotten PIN. False when the learner is no longer on the roster.
 */
export async function setLearnerPin(ports: Pick<DataPorts, 'db'>, guard: InstructorGuard, learnerId: string, pin: string | null): Promise<boolean> {
  await guard.require();
  const { db } = ports;
  const hash = pin === null ? null : await hashPin(pin);
  // updated_at stays: it dates the roster entry the remote sent, and a PIN is this kiosk's own.
  return db.transaction('rw', db.learners, async () => {
    if (!(await db.learners.get(learnerId))) return false;
    await db.learners.update(learnerId, { pin: hash, pin_failures: 0, pin_locked_until: null, pin_lock_level: 0 });
    return true;
  });
}

/**
 * Removes learners from this kiosk's class list and ends their sign-ins. What they recorded stays (and
 * still syncs): removing someone from a kiosk never loses their work.
 */
export async function removeLearners(ports: Pick<DataPorts, 'db'>, guard: InstructorGuard, ids: readonly string[]): Promise<number> {
  await guard.require();
  const { db } = ports;
  return db.transaction('rw', db.learners, db.authSessions, async () => {
    const present = (await db.learners.bulkGet([...ids])).flatMap((row) => (row ? [row.id] : []));
    await db.learners.bulkDelete(present);
    await db.authSessions.where('user_id').anyOf(present).delete();
    return present.length;
  });
}

/** The roster entries for some ids (e.g. a pull's proposed removals), in the order given, skipping the gone. */
export async function rosterEntries(ports: Pick<DataPorts, 'db'>, ids: readonly string[]): Promise<RosterEntry[]> {
  return (await ports.db.learners.bulkGet([...ids])).flatMap((row) => (row ? [toRosterEntry(row)] : []));
}
