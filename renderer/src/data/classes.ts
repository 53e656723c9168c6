import type { ClassMemberRow, ClassRow } from '../db/schema-v11';
import type { OutpostDb } from '../db/outpost-db';
import { collator } from '../i18n/formatters';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';
import { toRosterEntry } from './roster';
import type { RosterEntry } from './roster';

export type ClassMember = RosterEntry & { readonly external_id: string | null };

export function listClasses(db: OutpostDb): Promise<ClassRow[]> {
  return db.classes.orderBy('name').toArray();
}

/** A class's learners still on this kiosk's roster (removing a learner keeps their membership row harmlessly). */
export async function classMembers(db: OutpostDb, classId: string): Promise<ClassMember[]> {
  const members = await db.classMembers.where('class_id').equals(classId).toArray();
  const rows = await db.learners.bulkGet(members.map((m) => m.learner_id));
  return rows.flatMap((row, index) => (row ? [{ ...toRosterEntry(row), external_id: members[index]!.external_id }] : []));
}

export type RenameOutcome = 'renamed' | 'blank' | 'taken' | 'gone';

/** Renames a class; a blank name or one another class already has is refused (classes are told apart by name). */
export async function renameClass(ports: DataPorts, guard: InstructorGuard, classId: string, name: string): Promise<RenameOutcome> {
  await guard.require();
  const trimmed = name.trim();
  if (trimmed === '') return 'blank';
  const { db } = ports;
  return db.transaction('rw', db.classes, async () => {
    const all = await db.classes.toArray();
    if (!all.some((row) => row.id === classId)) return 'gone';
    if (all.some((row) => row.id !== classId && collator(undefined, { sensitivity: 'base' }).compare(row.name, trimmed) === 0)) return 'taken';
    await db.classes.update(classId, { name: trimmed, updated_at: ports.now().toISOString() });
    return 'renamed';
  });
}

/** What deleting a class removed, so the instructor can undo it. Learners and their work are never deleted with a class. */
export interface DeletedClass {
  readonly row: ClassRow;
  readonly members: readonly ClassMemberRow[];
}

export async function deleteClass(ports: DataPorts, guard: InstructorGuard, classId: string): Promise<DeletedClass | null> {
  await guard.require();
  const { db } = ports;
  return db.transaction('rw', db.classes, db.classMembers, async () => {
    const row = await db.classes.get(classId);
    if (!row) return null;
    const members = await db.classMembers.where('class_id').equals(classId).toArray();
    await db.classMembers.where('class_id').equals(classId).delete();
    await db.classes.delete(classId);
    return { row, members };
  });
}

/** Undo of deleteClass: puts the class and its memberships back as they were. */
export async function restoreClass(ports: DataPorts, guard: InstructorGuard, deleted: DeletedClass): Promise<void> {
  await guard.require();
  const { db } = ports;
  await db.transaction('rw', db.classes, db.classMembers, async () => {
    await db.classes.put(deleted.row);
    await db.classMembers.bulkPut([...deleted.members]);
  });
}

/** Each class with how many members it has, by name. */
export async function listClassesWithSizes(db: OutpostDb): Promise<(ClassRow & { size: number })[]> {
  const classes = await listClasses(db);
  const sizes = await Promise.all(classes.map((row) => db.classMembers.where('class_id').equals(row.id).count()));
  return classes.map((row, index) => ({ ...row, size: sizes[index]! }));
}
