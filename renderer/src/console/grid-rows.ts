import type { TFunction } from 'i18next';
import type { HelpReason } from '../../../shared/progress/grid-cell';
import { activityTitle } from './activity-title';
import { cellText } from './format-cell';
import type { VisibleGrid } from './visible-grid';

/** The reasons a learner is flagged, across every activity, in words ("Struggling: Fractions"). */
export function helpText(t: TFunction, grid: VisibleGrid, allActivities: VisibleGrid['activities'], learnerId: string, locale: string): string {
  const reasons = allActivities.flatMap((activity) => {
    const help: HelpReason | null = grid.cell(learnerId, activity.key).help;
    return help ? [t(`console.help.${help}`, { activity: activityTitle(activity, locale) })] : [];
  });
  return reasons.join('; ');
}

/** The grid exactly as shown, as text rows: header, then one row per learner (what CSV export writes). */
export function gridRows(t: TFunction, grid: VisibleGrid, allActivities: VisibleGrid['activities'], locale: string): { header: string[]; rows: string[][] } {
  const header = [t('console.grid.learner'), t('console.grid.needsHelp'), ...grid.activities.map((a) => activityTitle(a, locale))];
  const rows = grid.learners.map((learner) => [learner.name, helpText(t, grid, allActivities, learner.id, locale), ...grid.activities.map((a) => cellText(t, grid.cell(learner.id, a.key), locale))]);
  return { header, rows };
}
