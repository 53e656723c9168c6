import { uuidSchema } from '../../../shared/schemas/common';
import { searchKey } from '../../../shared/text/search-key';
import type { LearnerRow } from '../db/rows';
import type { ClassMemberRow } from '../db/schema-v11';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';

export interface ClassListEntry {
  readonly display_name: string;
  readonly external_id: string | null;
  readonly role: 'learner' | 'instructor';
}

export interface ClassImportResult {
  readonly classId: string;
  readonly added: number;
  readonly updated: number;
}

/**
 * Imports a checked class list into the class named `className` (created if no class has that name, accents
 * and case aside). A learner is the same one again when the school's id matches (a uuid is used as the id
 * itself) or, without ids, when exactly one member of the class has that name; anyone else gets a new id.
 * Learners, PINs and members not in the file stay. One transaction: all or nothing.
 */
export async function importClassList(ports: DataPorts, guard: InstructorGuard, className: string, entries: readonly ClassListEntry[]): Promise<ClassImportResult> {
  await guard.require();
  const { db } = ports;
  const at = ports.now().toISOString();
  return db.transaction('rw', [db.classes, db.classMembers, db.learners, db.kioskState], async () => {
    const key = searchKey(className);
    const existing = (await db.classes.toArray()).find((row) => searchKey(row.name) === key);
    const classId = existing?.id ?? ports.newId();
    if (!existing) await db.classes.add({ id: classId, name: className.trim(), created_at: at, updated_at: at });
    const members = await db.classMembers.where('class_id').equals(classId).toArray();
    const memberRows = await db.learners.bulkGet(members.map((m) => m.learner_id));
    const byExternal = new Map(members.flatMap((m) => (m.external_id ? [[m.external_id, m.learner_id] as const] : [])));
    const byName = new Map<string, string | null>();
    for (const row of memberRows) if (row) byName.set(searchKey(row.display_name), byName.has(searchKey(row.display_name)) ? null : row.id);
    // The roster's tenant; a kiosk with no roster yet starts one.
    const tenantId = (await db.learners.toCollection().first())?.tenant_id ?? ports.newId();
    const ids = entries.map((entry) => {
      if (entry.external_id !== null) return uuidSchema.safeParse(entry.external_id).success ? entry.external_id.toLowerCase() : (byExternal.get(entry.external_id) ?? ports.newId());
      return byName.get(searchKey(entry.display_name)) ?? ports.newId();
    });
    const before = await db.learners.bulkGet(ids);
    const rows: LearnerRow[] = entries.map((entry, index) => ({
      ...before[index],
      id: ids[index]!,
      tenant_id: before[index]?.tenant_id ?? tenantId,
      display_name: entry.display_name,
      role: entry.role,
      pin: before[index]?.pin ?? null,
      source: before[index]?.source ?? 'local',
      updated_at: at,
    }));
    const memberships: ClassMemberRow[] = entries.map((entry, index) => ({ class_id: classId, learner_id: ids[index]!, external_id: entry.external_id, added_at: at }));
    await db.learners.bulkPut(rows);
    await db.classMembers.bulkPut(memberships);
    await db.classes.update(classId, { updated_at: at });
    // The first class imported becomes the one the kiosk shows; after that, the instructor chooses.
    if (!(await db.kioskState.get('currentClass'))) await db.kioskState.put({ key: 'currentClass', value: classId });
    const added = before.filter((row) => row === undefined).length;
    return { classId, added, updated: entries.length - added };
  });
}
