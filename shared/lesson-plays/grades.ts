import { LESSON_GRADES } from '../schemas/lesson-play-session';
import type { LessonGrade } from '../schemas/lesson-play-session';

/**
 * Grade points: F 0, E 1, D 2, C 3, B 4, A 5, A+ 6 (one step per grade of the seed's scale).
 *
 * The averaging rule (docs/decisions.md, "Lesson plays: average grade"): the average grade of a play is
 * the grade whose points are the arithmetic mean of its graded sessions' points, rounded half up (to the
 * better grade). Integer arithmetic only, so a boundary such as A + B (4.5 -> A) never depends on floats.
 * Sessions that were skipped or carry no grade are not counted; no graded session at all gives null.
 * The seed's own sample (A and B -> A) follows from it.
 */
export const GRADE_POINTS: Readonly<Record<LessonGrade, number>> = { 'A+': 6, A: 5, B: 4, C: 3, D: 2, E: 1, F: 0 };

const BY_POINTS: readonly LessonGrade[] = [...LESSON_GRADES].sort((a, b) => GRADE_POINTS[a] - GRADE_POINTS[b]);

export function gradeForPoints(points: number): LessonGrade {
  const grade = BY_POINTS[points];
  if (grade === undefined) throw new RangeError(`No grade has ${points} points`);
  return grade;
}

export function averageGrade(grades: readonly LessonGrade[]): LessonGrade | null {
  if (grades.length === 0) return null;
  const sum = grades.reduce((total, grade) => total + GRADE_POINTS[grade], 0);
  const n = grades.length;
  // round half up of sum / n, in integers: floor((2 * sum + n) / (2 * n)).
  return gradeForPoints(Math.floor((2 * sum + n) / (2 * n)));
}
