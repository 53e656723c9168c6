import { isDone } from '../../../shared/progress/grid-cell';
import type { VisibleGrid } from './visible-grid';

export interface ChartSeries {
  readonly labels: readonly string[];
  readonly values: readonly number[];
}

/** Share of the shown learners who finished each shown activity, 0..100. */
export function completionPerActivity(grid: VisibleGrid, title: (key: string) => string): ChartSeries {
  const total = grid.learners.length;
  return {
    labels: grid.activities.map((a) => title(a.key)),
    values: grid.activities.map((a) => (total === 0 ? 0 : Math.round((100 * grid.learners.filter((l) => isDone(grid.cell(l.id, a.key).status)).length) / total))),
  };
}

/** Five score bands, 0–19 % ... 80–100 %; the labels are the UI's. Counts every scored cell shown. */
export const SCORE_BANDS = 5;

/**
 * The band of a 0..1 score, judged on the whole percent the grid shows for it (a score shown as "20%" is in
 * 20–39 % even when it is 0.19999… after arithmetic); out-of-range scores go to the nearest end band.
 */
export function scoreBand(score: number): number {
  const percent = Math.round(Math.min(1, Math.max(0, score)) * 100);
  return Math.min(SCORE_BANDS - 1, Math.floor((percent * SCORE_BANDS) / 100));
}

export function scoreDistribution(grid: VisibleGrid): number[] {
  const counts: number[] = Array.from({ length: SCORE_BANDS }, () => 0);
  for (const learner of grid.learners) {
    for (const activity of grid.activities) {
      const score = grid.cell(learner.id, activity.key).score;
      if (score !== null && Number.isFinite(score)) counts[scoreBand(score)]! += 1;
    }
  }
  return counts;
}

/** Average minutes spent on each shown activity by the learners who spent any. */
export function minutesPerActivity(grid: VisibleGrid, title: (key: string) => string): ChartSeries {
  return {
    labels: grid.activities.map((a) => title(a.key)),
    values: grid.activities.map((a) => {
      const spent = grid.learners.map((l) => grid.cell(l.id, a.key).seconds).filter((s) => s > 0);
      return spent.length === 0 ? 0 : Math.round((spent.reduce((sum, s) => sum + s, 0) / spent.length / 60) * 10) / 10;
    }),
  };
}
