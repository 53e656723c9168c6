import { COURSE_ID_PATTERN } from '../../../shared/scorm/scorm-ipc-contract';

export interface CourseLabel {
  readonly packageId: string;
  readonly learnerKey: string;
}

/**
 * Each course gets its own origin, and each learner their own copy of it: the host label is
 * "<package id>-u<learner key>". Browsers keep localStorage, IndexedDB and cookies per origin, so one
 * learner's course storage is never visible to the next learner at the same kiosk, and no course can read
 * another's. The label is a valid DNS label (lowercase letters, digits, hyphens; under 63 characters).
 */
export function courseLabel(label: CourseLabel): string {
  return `${label.packageId}-u${label.learnerKey}`;
}

export function parseCourseLabel(host: string): CourseLabel | null {
  const match = /^(pkg-[0-9a-f]{24})-u([0-9a-f]{16})$/.exec(host);
  if (!match || !COURSE_ID_PATTERN.test(match[1] ?? '')) return null;
  return { packageId: match[1] as string, learnerKey: match[2] as string };
}
