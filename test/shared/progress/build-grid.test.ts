import { describe, expect, it } from 'vitest';
import { activityKey, buildGrid, cellKey } from '../../../shared/progress/build-grid';
import type { GridRecords } from '../../../shared/progress/build-grid';
import { difficultQuestions } from '../../../shared/progress/difficult-questions';
import { STRUGGLE_MIN_ATTEMPTS } from '../../../shared/progress/exercise-cell';

const now = new Date('2026-03-02T10:00:00.000Z');
const learners = ['ann', 'ben', 'cat', 'dan'].map((id) => ({ id, name: id }));
const vr = (user_id: string, status: 'in_progress' | 'completed', extra: Partial<GridRecords['vr'][number]> = {}) => ({
  user_id,
  package_id: 'pkg',
  status,
  score: null,
  success_status: null,
  time_spent_seconds: 0,
  first_launch_at: null,
  created_at: '2026-03-02T09:00:00.000Z',
  completed_at: null,
  ...extra,
});
const none: GridRecords = { vr: [], scorm: [], tries: [], plays: [] };
const cellOf = (grid: ReturnType<typeof buildGrid>, learner: string, kind: 'vr' | 'scorm' | 'exercise' | 'lesson', id: string) => grid.cells.get(cellKey(learner, activityKey(kind, id)));

describe('class progress grid', () => {
  it('gives each learner one cell per activity across VR, SCORM, exercises and lessons, ignoring other classes', () => {
    const grid = buildGrid(learners, [{ key: 'vr:other', kind: 'vr', id: 'other', title: 'Other' }], {
      vr: [vr('ann', 'completed', { score: { raw: 80, max: 100, scaled: 0.8 }, success_status: 'passed', time_spent_seconds: 600 }), vr('zed', 'completed')],
      scorm: [{ user_id: 'ben', package_id: 'course', completion_status: 'completed', success_status: 'failed', score: { raw: 3, max: 10 }, time_spent_seconds: 300, updated_at: '2026-03-02T09:30:00.000Z' }],
      tries: [{ id: 'try-1', user: 'cat', content_id: 'ex', complete: true, correct_sum: 3, attempt_count: 4, time_spent: 95.4, end_timestamp: '2026-03-02T09:40:00.000Z', mastery_level: 1 }],
      plays: [{ userId: 'dan', lessonId: 'yoga', createdAt: '2026-03-02T09:00:00.000Z', completedAt: '2026-03-02T09:20:00.000Z', activityTime: 1200, averageGrade: 'A+' }],
    }, now);
    expect(grid.activities.map((a) => a.key)).toEqual(['vr:other', 'vr:pkg', 'scorm:course', 'exercise:ex', 'lesson:yoga']);
    expect(cellOf(grid, 'ann', 'vr', 'pkg')).toMatchObject({ status: 'passed', score: 0.8, seconds: 600, attempts: 1, help: null });
    expect(cellOf(grid, 'ben', 'scorm', 'course')).toMatchObject({ status: 'failed', score: 0.3, seconds: 300, help: 'failed' });
    expect(cellOf(grid, 'cat', 'exercise', 'ex')).toMatchObject({ status: 'completed', score: 0.75, seconds: 95, attempts: 4 });
    expect(cellOf(grid, 'dan', 'lesson', 'yoga')).toMatchObject({ status: 'completed', score: 1, seconds: 1200 });
    expect(grid.cells.size).toBe(4);
  });

  it('flags a learner struggling on an exercise only after enough answers, mostly wrong, and not mastered', () => {
    const attempt = (user: string, attempt_count: number, correct_sum: number, complete = false) => ({ id: `try-${user}`, user, content_id: 'ex', complete, correct_sum, attempt_count, time_spent: 10, end_timestamp: '2026-03-02T09:40:00.000Z', mastery_level: 1 });
    const grid = buildGrid(learners, [], { ...none, tries: [attempt('ann', STRUGGLE_MIN_ATTEMPTS, 2), attempt('ben', STRUGGLE_MIN_ATTEMPTS - 1, 0), attempt('cat', STRUGGLE_MIN_ATTEMPTS, 3), attempt('dan', 8, 2, true)] }, now);
    expect(['ann', 'ben', 'cat', 'dan'].map((l) => cellOf(grid, l, 'exercise', 'ex')?.help)).toEqual(['struggling', null, null, null]);
  });

  it('flags a VR session running far longer than the others with the same package, and only past the floor', () => {
    const launched = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
    const grid = buildGrid(learners, [], {
      ...none,
      vr: [vr('ann', 'in_progress', { first_launch_at: launched(40) }), vr('ben', 'in_progress', { first_launch_at: launched(12) }), vr('cat', 'completed', { time_spent_seconds: 600 }), vr('dan', 'completed', { time_spent_seconds: 900 })],
    }, now);
    expect(cellOf(grid, 'ann', 'vr', 'pkg')).toMatchObject({ status: 'inProgress', seconds: 2400, help: 'longSession' });
    expect(cellOf(grid, 'ben', 'vr', 'pkg')?.help).toBeNull();
    const short = buildGrid(learners, [], { ...none, vr: [vr('ann', 'in_progress', { first_launch_at: launched(10) }), vr('cat', 'completed', { time_spent_seconds: 60 }), vr('dan', 'completed', { time_spent_seconds: 60 })] }, now);
    expect(cellOf(short, 'ann', 'vr', 'pkg')?.help).toBeNull();
  });

  it('ranks difficult questions by learners wrong on their latest answer, each learner once', () => {
    const a = (user: string, item: string, correct: number, ordinal: number) => ({ user, item, correct, ordinal, end_timestamp: '2026-03-02T09:00:00.000Z', masterylog: 'm' });
    expect(difficultQuestions([a('ann', 'q1', 0, 0), a('ann', 'q1', 1, 1), a('ben', 'q1', 0, 0), a('ann', 'q2', 0, 2), a('ben', 'q2', 0, 1), a('cat', 'q2', 0, 0), a('cat', 'q3', 1, 1)])).toEqual([
      { item: 'q2', wrong: 3, answered: 3 },
      { item: 'q1', wrong: 1, answered: 2 },
    ]);
  });
});
