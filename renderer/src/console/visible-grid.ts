import type { GridActivity, GridLearner, ProgressGrid } from '../../../shared/progress/build-grid';
import { cellKey } from '../../../shared/progress/build-grid';
import type { ActivityKind, GridCell } from '../../../shared/progress/grid-cell';
import { EMPTY_CELL } from '../../../shared/progress/grid-cell';
import { collator as cachedCollator } from '../i18n/formatters';

export interface GridView {
  readonly kind: ActivityKind | 'all';
  readonly helpOnly: boolean;
}

export interface VisibleGrid {
  readonly learners: readonly GridLearner[];
  readonly activities: readonly GridActivity[];
  readonly cell: (learnerId: string, activityKey: string) => GridCell;
  /** Learners with at least one flagged cell, among all activities (a flag is never hidden by the kind filter). */
  readonly flagged: ReadonlySet<string>;
}

/**
 * What the instructor sees, and so what is exported and printed: the activities of the chosen kind, and
 * with "needs help only", the learners with a flag. Learners sorted in the UI language's order.
 */
export function visibleGrid(grid: ProgressGrid, view: GridView, locale: string): VisibleGrid {
  const cell = (learnerId: string, activityKey: string) => grid.cells.get(cellKey(learnerId, activityKey)) ?? EMPTY_CELL;
  const flagged = new Set<string>();
  for (const learner of grid.learners) if (grid.activities.some((a) => cell(learner.id, a.key).help !== null)) flagged.add(learner.id);
  const collator = cachedCollator(locale, { sensitivity: 'base', numeric: true });
  const learners = grid.learners.filter((l) => !view.helpOnly || flagged.has(l.id)).sort((a, b) => collator.compare(a.name, b.name));
  const activities = grid.activities.filter((a) => view.kind === 'all' || a.kind === view.kind);
  return { learners, activities, cell, flagged };
}
