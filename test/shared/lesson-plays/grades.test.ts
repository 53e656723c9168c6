import { describe, expect, it } from 'vitest';
import { averageGrade, GRADE_POINTS, gradeForPoints } from '../../../shared/lesson-plays/grades';
import { LESSON_GRADES } from '../../../shared/schemas/lesson-play-session';
import type { LessonGrade } from '../../../shared/schemas/lesson-play-session';

describe('averageGrade (mean of grade points, rounded half up)', () => {
  it('gives the seed sample: A and B average to A', () => {
    expect(averageGrade(['A', 'B'])).toBe('A');
  });

  it.each<[LessonGrade[], LessonGrade]>([
    [['A+', 'A'], 'A+'], // 5.5 -> 6
    [['A', 'A', 'B'], 'A'], // 4.67 -> 5
    [['A', 'B', 'B'], 'B'], // 4.33 -> 4
    [['B', 'C'], 'B'], // 3.5 -> 4
    [['C', 'C', 'C', 'D'], 'C'], // 2.75 -> 3
    [['C', 'D', 'D', 'D'], 'D'], // 2.25 -> 2
    [['E', 'F'], 'E'], // 0.5 -> 1
    [['F', 'F', 'F', 'E'], 'F'], // 0.25 -> 0
    [['A+', 'F'], 'C'], // 3 exactly
    [['A+', 'E'], 'B'], // 3.5 -> 4
  ])('%j -> %s', (grades, expected) => {
    expect(averageGrade(grades)).toBe(expected);
  });

  it('is null with no grade, and a single grade is itself', () => {
    expect(averageGrade([])).toBeNull();
    for (const grade of LESSON_GRADES) expect(averageGrade([grade])).toBe(grade);
  });

  it('rounds exactly at the half even for long lists (integer arithmetic, no float drift)', () => {
    const many = [...Array<LessonGrade>(999).fill('A'), ...Array<LessonGrade>(999).fill('B')];
    expect(averageGrade(many)).toBe('A');
    expect(averageGrade([...many, 'B'])).toBe('B');
  });

  it('maps points back to grades and refuses points outside the scale', () => {
    for (const grade of LESSON_GRADES) expect(gradeForPoints(GRADE_POINTS[grade])).toBe(grade);
    expect(() => gradeForPoints(7)).toThrow(RangeError);
  });
});
