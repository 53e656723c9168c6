import type { LearnerRow } from '../db/rows';
import type { ClassMemberRow } from '../db/schema-v11';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';

/** Same bound as the roster's display names (shared/schemas/learner.ts). */
const NAME_MAX = 120;

export type LearnerRename = { ok: true } | { ok: false; reason: 'gone' | 'remote' | 'blank' | 'tooLong' };

/** Renames a learner added on this kiosk; the school's API names the ones it sent (a pull would undo it). */
export async function renameLearner(ports: DataPorts, guard: InstructorGuard, id: string, name: string): Promise<LearnerRename> {
  await guard.require();
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return { ok: false, reason: 'blank' };
  if ([...trimmed].length > NAME_MAX) return { ok: false, reason: 'tooLong' };
  const { db } = ports;
  return db.transaction('rw', db.learners, async () => {
    const row = await db.learners.get(id);
    if (!row) return { ok: false, reason: 'gone' } as const;
    if (row.source === 'remote') return { ok: false, reason: 'remote' } as const;
    await db.learners.update(id, { display_name: trimmed });
    return { ok: true } as const;
  });
}

export interface DeletedLearner {
  readonly row: LearnerRow;
  readonly memberships: readonly ClassMemberRow[];
}

export type LearnerDelete = { ok: true; deleted: DeletedLearner } | { ok: false; reason: 'gone' | 'signedIn' | 'sessionOnHeadset' };

const ON_HEADSET = ['downloading', 'downloaded', 'in_progress'];

/**
 * Takes a learner off this kiosk (their recorded work stays and still syncs), refused while they are signed
 * in or a headset is running a session for them. Handed back for undo with their class memberships.
 */
export async function deleteLearner(ports: DataPorts, guard: InstructorGuard, id: string): Promise<LearnerDelete> {
  await guard.require();
  const { db } = ports;
  const at = ports.now().toISOString();
  return db.transaction('rw', [db.learners, db.authSessions, db.classMembers, db.vrSessions], async () => {
    const row = await db.learners.get(id);
    if (!row) return { ok: false, reason: 'gone' } as const;
    if ((await db.authSessions.where('user_id').equals(id).filter((s) => s.expires_at > at).count()) > 0) return { ok: false, reason: 'signedIn' } as const;
    if ((await db.vrSessions.where('user_id').equals(id).filter((s) => ON_HEADSET.includes(s.status)).count()) > 0) return { ok: false, reason: 'sessionOnHeadset' } as const;
    const memberships = await db.classMembers.where('learner_id').equals(id).toArray();
    await db.classMembers.where('learner_id').equals(id).delete();
    await db.authSessions.where('user_id').equals(id).delete();
    await db.learners.delete(id);
    return { ok: true, deleted: { row, memberships } } as const;
  });
}

/** Undo of deleteLearner: the learner, their PIN and their classes come back as they were. */
export async function restoreLearner(ports: DataPorts, guard: InstructorGuard, deleted: DeletedLearner): Promise<void> {
  await guard.require();
  const { db } = ports;
  await db.transaction('rw', db.learners, db.classMembers, async () => {
    await db.learners.put(deleted.row);
    await db.classMembers.bulkPut([...deleted.memberships]);
  });
}
