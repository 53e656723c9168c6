import { describe, expect, it } from 'vitest';
import { importClassList } from '../../../renderer/src/data/class-import';
import { classMembers, deleteClass, listClasses, renameClass, restoreClass } from '../../../renderer/src/data/classes';
import { chooseClass, currentClassId, signInRoster } from '../../../renderer/src/data/current-class';
import { InstructorRequiredError } from '../../../renderer/src/data/instructor-guard';
import { filterLearners } from '../../../renderer/src/data/roster-order';
import { openTestDb } from '../../support/fake-db';
import { instructorSignedIn, nobodySignedIn } from '../../support/instructor-guards';
import { ALICE, TENANT } from '../../support/local-api-fixture';

const now = new Date('2026-03-02T08:00:00.000Z');
const portsFor = (db: ReturnType<typeof openTestDb>) => ({ db, now: () => now, newId: () => crypto.randomUUID() });
const entry = (display_name: string, external_id: string | null = null) => ({ display_name, external_id, role: 'learner' as const });

describe('class list import', () => {
  it('creates the class, generates ids, joins the roster tenant, and finds the same learners again on re-import', async () => {
    const db = openTestDb();
    await db.learners.add({ id: ALICE, tenant_id: TENANT, display_name: 'Alice', role: 'learner', pin: null, updated_at: now.toISOString() });
    const ports = portsFor(db);
    const first = await importClassList(ports, instructorSignedIn(), '5B Science', [entry('Zoë'), entry('Tom (S1)', 'S1'), entry('Tom (S2)', 'S2'), entry('Alice', ALICE)]);
    expect(first).toMatchObject({ added: 3, updated: 1 });
    const members = await classMembers(db, first.classId);
    expect(members).toHaveLength(4);
    expect(new Set(members.map((m) => m.tenant_id))).toEqual(new Set([TENANT]));
    expect(filterLearners(members, 'zoe').map((m) => m.display_name)).toEqual(['Zoë']);
    // Same class by name (case and accents aside), same learners by school id or unique name: nobody doubled.
    const again = await importClassList(ports, instructorSignedIn(), '5b science', [entry('Zoë'), entry('Tom (S1)', 'S1'), entry('Tom Lee (S2)', 'S2')]);
    expect(again).toEqual({ classId: first.classId, added: 0, updated: 3 });
    expect(await db.learners.count()).toBe(4);
    expect((await classMembers(db, first.classId)).map((m) => m.display_name).sort()).toEqual(['Alice', 'Tom (S1)', 'Tom Lee (S2)', 'Zoë']);
  });

  it('renames, refuses a taken or blank name, deletes a class without its learners and undoes the delete', async () => {
    const db = openTestDb();
    const ports = portsFor(db);
    const guard = instructorSignedIn();
    const a = await importClassList(ports, guard, '5A', [entry('Ann')]);
    await importClassList(ports, guard, '5B', [entry('Ben')]);
    expect(await renameClass(ports, guard, a.classId, ' 5b ')).toBe('taken');
    expect(await renameClass(ports, guard, a.classId, '  ')).toBe('blank');
    expect(await renameClass(ports, guard, a.classId, 'Year 5 A')).toBe('renamed');
    const deleted = await deleteClass(ports, guard, a.classId);
    expect((await listClasses(db)).map((c) => c.name)).toEqual(['5B']);
    expect(await db.learners.count()).toBe(2);
    await restoreClass(ports, guard, deleted!);
    expect((await listClasses(db)).map((c) => c.name)).toEqual(['5B', 'Year 5 A']);
    expect((await classMembers(db, a.classId)).map((m) => m.display_name)).toEqual(['Ann']);
  });

  it('refuses without an instructor and writes nothing', async () => {
    const db = openTestDb();
    await expect(importClassList(portsFor(db), nobodySignedIn(), '5A', [entry('Ann')])).rejects.toBeInstanceOf(InstructorRequiredError);
    expect(await db.classes.count()).toBe(0);
    expect(await db.learners.count()).toBe(0);
  });
});

describe('the class the kiosk shows', () => {
  it('is the first class imported, narrows the sign-in list to its members, and only an instructor switches it', async () => {
    const db = openTestDb();
    const ports = portsFor(db);
    await db.learners.add({ id: ALICE, tenant_id: TENANT, display_name: 'Alice', role: 'learner', pin: null, updated_at: now.toISOString() });
    expect((await signInRoster(ports)).map((l) => l.display_name)).toEqual(['Alice']);
    const a = await importClassList(ports, instructorSignedIn(), '5A', [entry('Ann')]);
    const b = await importClassList(ports, instructorSignedIn(), '5B', [entry('Ben')]);
    expect(await currentClassId(db)).toBe(a.classId);
    expect((await signInRoster(ports)).map((l) => l.display_name)).toEqual(['Ann']);
    await expect(chooseClass(ports, nobodySignedIn(), b.classId)).rejects.toBeInstanceOf(InstructorRequiredError);
    await chooseClass(ports, instructorSignedIn(), b.classId);
    expect((await signInRoster(ports)).map((l) => l.display_name)).toEqual(['Ben']);
    // A deleted class stops narrowing the list: nobody is locked out.
    await deleteClass(ports, instructorSignedIn(), b.classId);
    expect(await currentClassId(db)).toBeNull();
    expect((await signInRoster(ports)).map((l) => l.display_name).sort()).toEqual(['Alice', 'Ann', 'Ben']);
  });
});
