import { GRADE_POINTS } from '../lesson-plays/grades';
import type { LessonPlay } from '../schemas/lesson-play';
import { EMPTY_CELL } from './grid-cell';
import type { GridCell } from './grid-cell';

export type LessonPlayFacts = Pick<LessonPlay, 'createdAt' | 'completedAt' | 'activityTime' | 'averageGrade'>;

const TOP_POINTS = GRADE_POINTS['A+'];

/** One learner's plays of one lesson: the newest says where they are; its average grade is the score (A+ is 1). */
export function lessonCell(plays: readonly LessonPlayFacts[]): GridCell {
  if (plays.length === 0) return EMPTY_CELL;
  const latest = [...plays].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
  const grade = latest.averageGrade ?? null;
  return {
    status: latest.completedAt ? 'completed' : 'inProgress',
    score: grade === null ? null : GRADE_POINTS[grade] / TOP_POINTS,
    seconds: Math.round(plays.reduce((sum, p) => sum + (p.activityTime ?? 0), 0)),
    attempts: plays.length,
    help: null,
    updatedAt: latest.completedAt ?? latest.createdAt,
  };
}
