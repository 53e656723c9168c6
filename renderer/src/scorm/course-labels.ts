import type { ScormCourse } from '../../../shared/scorm/course-manifest';

/** "SCORM 2004 3rd ed. · v2" as the library shows it (standard names, not translated). */
export function scormLabel(course: Pick<ScormCourse, 'version' | 'edition' | 'course_version'>): string {
  const standard = course.version === '1.2' ? 'SCORM 1.2' : `SCORM 2004${course.edition ? ` ${course.edition} ed.` : ''}`;
  return course.course_version ? `${standard} · v${course.course_version}` : standard;
}
