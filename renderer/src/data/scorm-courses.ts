import type { ScormCourse } from '../../../shared/scorm/course-manifest';
import { launchableItems, playedOrganization } from '../../../shared/scorm/course-tree';
import type { OutpostDb } from '../db/outpost-db';
import type { ScormCourseRow } from '../db/schema-v7';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';

/**
 * Records a course main has just imported (its files are already in main's course folder). Instructor
 * only. Importing the same zip again finds the same id and keeps the first import's date.
 */
export async function recordImportedCourse(ports: DataPorts, guard: InstructorGuard, course: ScormCourse, tenantId: string | null = null): Promise<ScormCourseRow> {
  await guard.require();
  const { db } = ports;
  return db.transaction('rw', db.scormCourses, async () => {
    const earlier = await db.scormCourses.get(course.id);
    const row: ScormCourseRow = { ...course, tenant_id: earlier?.tenant_id ?? tenantId, imported_at: earlier?.imported_at ?? ports.now().toISOString() };
    await db.scormCourses.put(row);
    return row;
  });
}

export function listScormCourses(db: OutpostDb): Promise<ScormCourseRow[]> {
  return db.scormCourses.orderBy('imported_at').reverse().toArray();
}

/** A course a learner of `tenantId` may play (null tenant: every tenant on this kiosk), else undefined. */
export async function visibleCourse(db: OutpostDb, id: string, tenantId: string): Promise<ScormCourseRow | undefined> {
  const course = await db.scormCourses.get(id);
  return course && (course.tenant_id === null || course.tenant_id === tenantId) ? course : undefined;
}

/** The identifiers of the played organization's launchable items, in order. */
export function courseItemIds(course: Pick<ScormCourse, 'organizations' | 'default_organization'>): string[] {
  return launchableItems(playedOrganization(course).items).map((item) => item.identifier);
}
