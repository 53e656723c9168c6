import { describe, expect, it } from 'vitest';
import { InstructorRequiredError } from '../../../renderer/src/data/instructor-guard';
import { courseDeleteImpact, deleteCourse } from '../../../renderer/src/data/scorm-course-delete';
import { createDispatch } from '../../../renderer/src/data/scorm-dispatches';
import { launchScormSession } from '../../../renderer/src/data/scorm-session-launch';
import { openTestDb } from '../../support/fake-db';
import { instructorSignedIn, nobodySignedIn } from '../../support/instructor-guards';
import { COURSE_12, testCourse } from '../../support/scorm-api-fixture';

const now = new Date('2026-03-02T08:00:00.000Z');
const TENANT = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const ALICE = { id: 'alice', tenant_id: TENANT };
const BOB = { id: 'bob', tenant_id: TENANT };

async function setUp() {
  const db = openTestDb();
  const ports = { db, now: () => now, newId: () => crypto.randomUUID() };
  await db.scormCourses.add({ ...testCourse(COURSE_12, '1.2', ['only']), tenant_id: null, imported_at: now.toISOString() });
  return { db, ports };
}

describe('deleting a SCORM course from the library', () => {
  it('says who started it, removes the record, revokes its dispatches and keeps learners’ sessions and their outbox', async () => {
    const { db, ports } = await setUp();
    const guard = instructorSignedIn();
    expect(await launchScormSession(ports, ALICE, COURSE_12, 'alice-1')).toMatchObject({ ok: true });
    expect(await launchScormSession(ports, BOB, COURSE_12, 'bob-1')).toMatchObject({ ok: true });
    await db.scormSessions.update('bob-1', { completion_status: 'completed' });
    const dispatch = await createDispatch(ports, guard, COURSE_12, 'Moodle', 'moodle');
    expect(await courseDeleteImpact(ports, guard, COURSE_12)).toEqual({ learners: 2, unfinished: 1, dispatches: 1 });
    const outboxBefore = await db.outbox.count();
    const removed: string[] = [];
    expect(await deleteCourse(ports, guard, COURSE_12, async (id) => (removed.push(id), { ok: true }))).toEqual({ ok: true });
    expect(removed).toEqual([COURSE_12]);
    expect(await db.scormCourses.get(COURSE_12)).toBeUndefined();
    expect((await db.scormDispatches.get(dispatch!.row.id))?.revoked_at).toBe(now.toISOString());
    expect((await db.scormSessions.toArray()).map((s) => s.id).sort()).toEqual(['alice-1', 'bob-1']);
    expect(await db.outbox.count()).toBe(outboxBefore);
    // Gone for learners: a new launch finds no course.
    expect(await launchScormSession(ports, ALICE, COURSE_12, 'alice-2')).toEqual({ ok: false, error: 'PACKAGE_NOT_FOUND' });
    expect(await deleteCourse(ports, guard, COURSE_12, async () => ({ ok: true }))).toEqual({ ok: false, reason: 'gone' });
  });

  it('puts the record and the dispatches back when main cannot remove the files', async () => {
    const { db, ports } = await setUp();
    const guard = instructorSignedIn();
    const dispatch = await createDispatch(ports, guard, COURSE_12, 'Moodle', 'moodle');
    const course = await db.scormCourses.get(COURSE_12);
    expect(await deleteCourse(ports, guard, COURSE_12, async () => ({ ok: false, message: 'EBUSY: resource busy' }))).toEqual({ ok: false, reason: 'files', detail: 'EBUSY: resource busy' });
    expect(await db.scormCourses.get(COURSE_12)).toEqual(course);
    expect((await db.scormDispatches.get(dispatch!.row.id))?.revoked_at).toBeNull();
  });

  it('is refused below the UI when no instructor is signed in', async () => {
    const { db, ports } = await setUp();
    const calls: string[] = [];
    await expect(deleteCourse(ports, nobodySignedIn(), COURSE_12, async (id) => (calls.push(id), { ok: true }))).rejects.toBeInstanceOf(InstructorRequiredError);
    await expect(courseDeleteImpact(ports, nobodySignedIn(), COURSE_12)).rejects.toBeInstanceOf(InstructorRequiredError);
    expect(calls).toEqual([]);
    expect(await db.scormCourses.get(COURSE_12)).toBeDefined();
  });
});
