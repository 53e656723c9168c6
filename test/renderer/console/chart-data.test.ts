import { describe, expect, it } from 'vitest';
import { cellKey } from '../../../shared/progress/build-grid';
import type { GridActivity, ProgressGrid } from '../../../shared/progress/build-grid';
import { EMPTY_CELL } from '../../../shared/progress/grid-cell';
import type { GridCell } from '../../../shared/progress/grid-cell';
import { barOptions } from '../../../renderer/src/console/bar-chart';
import { SCORE_BANDS, completionPerActivity, minutesPerActivity, scoreBand, scoreDistribution } from '../../../renderer/src/console/chart-data';
import { formatScore } from '../../../renderer/src/console/format-cell';
import { visibleGrid } from '../../../renderer/src/console/visible-grid';

const vr: GridActivity = { key: 'vr:safety', kind: 'vr', id: 'safety', title: 'Safety VR' };
const golf: GridActivity = { key: 'scorm:golf', kind: 'scorm', id: 'golf', title: 'Golf' };
const quiz: GridActivity = { key: 'exercise:quiz', kind: 'exercise', id: 'quiz', title: 'Quiz' };
const title = (key: string) => `title of ${key}`;

/** A grid of learners l0..l(n-1) with the given cells, keyed [learner, activity]. */
function grid(learners: number, cells: readonly [string, GridActivity, Partial<GridCell>][], activities = [vr, golf, quiz]): ReturnType<typeof visibleGrid> {
  const progress: ProgressGrid = {
    learners: Array.from({ length: learners }, (_, i) => ({ id: `l${i}`, name: `Learner ${i}` })),
    activities,
    cells: new Map(cells.map(([learner, activity, cell]) => [cellKey(learner, activity.key), { ...EMPTY_CELL, ...cell }])),
  };
  return visibleGrid(progress, { kind: 'all', helpOnly: false }, 'en');
}

describe('score distribution', () => {
  it('puts the band edges where their labels say: 0 in 0–19 %, 0.2 in 20–39 %, 0.8 and 1 in 80–100 %', () => {
    expect(SCORE_BANDS).toBe(5);
    expect([0, 0.19, 0.2, 0.39, 0.4, 0.6, 0.79, 0.8, 0.99, 1].map(scoreBand)).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 4, 4]);
  });

  it('judges a score by the whole percent the grid shows for it, not by float noise', () => {
    const noisy = 1 - 0.8; // 0.19999999999999996
    expect(formatScore(noisy, 'en')).toBe('20%');
    expect(scoreBand(noisy)).toBe(1);
    expect(formatScore(0.194, 'en')).toBe('19%');
    expect(scoreBand(0.194)).toBe(0);
    expect(scoreBand(0.196)).toBe(1);
  });

  it('sends out-of-range scores to the nearest end band rather than outside the chart', () => {
    expect(scoreBand(-0.5)).toBe(0);
    expect(scoreBand(1.5)).toBe(SCORE_BANDS - 1);
  });

  it('counts every scored cell shown, none for unscored ones', () => {
    const shown = grid(4, [
      ['l0', vr, { status: 'passed', score: 1 }],
      ['l1', vr, { status: 'failed', score: 0 }],
      ['l2', vr, { status: 'completed', score: 0.2 }],
      ['l3', vr, { status: 'inProgress' }],
      ['l0', golf, { status: 'passed', score: 0.8 }],
      ['l1', quiz, { status: 'inProgress', score: 0.5 }],
      // Shown as 20 %, so counted in 20–39 %.
      ['l2', golf, { status: 'failed', score: 1 - 0.8 }],
    ]);
    expect(scoreDistribution(shown)).toEqual([1, 2, 1, 0, 2]);
    expect(scoreDistribution(grid(0, []))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('completion per activity', () => {
  it('is the share of the shown learners who finished (completed or passed), rounded, in the shown order', () => {
    const shown = grid(3, [
      ['l0', vr, { status: 'passed' }],
      ['l1', vr, { status: 'completed' }],
      ['l2', vr, { status: 'failed' }],
      ['l0', golf, { status: 'inProgress' }],
      ['l1', quiz, { status: 'completed' }],
    ]);
    expect(completionPerActivity(shown, title)).toEqual({ labels: ['title of vr:safety', 'title of scorm:golf', 'title of exercise:quiz'], values: [67, 0, 33] });
    expect(completionPerActivity(grid(0, []), title).values).toEqual([0, 0, 0]);
  });
});

describe('minutes per activity', () => {
  it('averages the minutes of the learners who spent any, to a tenth; nobody spent any reads 0', () => {
    const shown = grid(3, [
      ['l0', vr, { status: 'passed', seconds: 600 }],
      ['l1', vr, { status: 'inProgress', seconds: 1290 }],
      ['l2', vr, { status: 'notStarted' }],
      ['l0', golf, { status: 'inProgress', seconds: 45 }],
    ]);
    // VR: (10 + 21.5) / 2 = 15.75 -> 15.8; Golf: 0.75 -> 0.8; the quiz: nobody.
    expect(minutesPerActivity(shown, title)).toEqual({ labels: ['title of vr:safety', 'title of scorm:golf', 'title of exercise:quiz'], values: [15.8, 0.8, 0] });
  });
});

describe('the chart’s options', () => {
  it('hand Chart.js the UI language, so its axis numbers are written in it, and keep the scale and tooltip ours', () => {
    const format = (value: number) => `${value} things`;
    const options = barOptions('zh-Hant', format, 100);
    expect(options.locale).toBe('zh-Hant');
    expect(barOptions('en', format).locale).toBe('en');
    expect(options.scales?.['x']).toMatchObject({ beginAtZero: true, max: 100, ticks: { precision: 0 } });
    expect(barOptions('en', format).scales?.['x']).not.toHaveProperty('max');
    expect(options.animation).toBe(false);
    const label = options.plugins?.tooltip?.callbacks?.label as unknown as (item: { raw: unknown }) => string;
    expect(label({ raw: 3 })).toBe('3 things');
  });
});
