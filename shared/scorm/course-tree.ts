import type { CourseItem, CourseOrganization, ScormCourse } from './course-manifest';

/** The organization the course plays: the manifest's default, else the first. */
export function playedOrganization(course: Pick<ScormCourse, 'organizations' | 'default_organization'>): CourseOrganization {
  const found = course.organizations.find((org) => org.identifier === course.default_organization) ?? course.organizations[0];
  if (!found) throw new Error('A course has at least one organization');
  return found;
}

/** Launchable items in tree order (preorder): the order "continue" and "previous" walk. */
export function launchableItems(items: readonly CourseItem[]): CourseItem[] {
  const out: CourseItem[] = [];
  const walk = (list: readonly CourseItem[]) => {
    for (const item of list) {
      if (item.launch !== null) out.push(item);
      walk(item.children);
    }
  };
  walk(items);
  return out;
}

export function countScos(items: readonly CourseItem[]): number {
  return launchableItems(items).filter((item) => item.scorm_type === 'sco').length;
}
