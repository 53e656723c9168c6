import type { OutpostDb } from '../db/outpost-db';
import { classMembers } from './classes';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';
import { listRoster } from './roster';
import type { RosterEntry } from './roster';

/**
 * The class this kiosk shows, on the console and on the sign-in list; null when none is chosen (or the
 * chosen one was deleted), and then the whole roster signs in as before classes existed.
 */
export async function currentClassId(db: OutpostDb): Promise<string | null> {
  const row = await db.kioskState.get('currentClass');
  return row && (await db.classes.get(row.value)) ? row.value : null;
}

/** Only an instructor switches the kiosk to another class (a learner must not widen the sign-in list). */
export async function chooseClass(ports: DataPorts, guard: InstructorGuard, classId: string | null): Promise<void> {
  await guard.require();
  if (classId === null) await ports.db.kioskState.delete('currentClass');
  else await ports.db.kioskState.put({ key: 'currentClass', value: classId });
}

/** Who may sign in: the current class's members, or everyone on the roster when no class is chosen. */
export async function signInRoster(ports: Pick<DataPorts, 'db'>): Promise<RosterEntry[]> {
  const classId = await currentClassId(ports.db);
  return classId === null ? listRoster(ports) : classMembers(ports.db, classId);
}
