import { useTranslation } from 'react-i18next';
import type { GridActivity, GridLearner } from '../../../shared/progress/build-grid';
import { activityTitle } from './activity-title';
import { cellText } from './format-cell';
import { GridRow } from './grid-row';
import { helpText } from './grid-rows';
import type { VisibleGrid } from './visible-grid';

interface Props {
  readonly grid: VisibleGrid;
  readonly allActivities: readonly GridActivity[];
  readonly onLearner: (learner: GridLearner, trigger: HTMLElement) => void;
  readonly onActivity: (activity: GridActivity, trigger: HTMLElement) => void;
}

/**
 * Learners down, activities across. Cells are text (status, score, time) with the status also as colour,
 * never colour alone; the row and column headers open the learner's and the activity's details. The
 * scroll area is focusable so a keyboard can scroll a grid wider than the screen.
 */
export function ProgressGridTable({ grid, allActivities, onLearner, onActivity }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <div className="grid-scroll" role="region" aria-labelledby="progress-grid-caption" tabIndex={0}>
      <table className="progress-grid">
        <caption id="progress-grid-caption">{t('console.grid.caption', { learners: t('console.grid.learnerCount', { count: grid.learners.length }), activities: t('console.grid.activityCount', { count: grid.activities.length }) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.grid.learner')}</th>
            {grid.activities.map((activity) => (
              <th scope="col" key={activity.key}>
                <button type="button" className="link" onClick={(event) => onActivity(activity, event.currentTarget)}>
                  {activityTitle(activity, locale)}
                </button>
                <span className="kind">{t(`console.kind.${activity.kind}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.learners.map((learner) => {
            const help = grid.flagged.has(learner.id) ? helpText(t, grid, allActivities, learner.id, locale) : '';
            const cells = grid.activities.map((activity) => {
              const cell = grid.cell(learner.id, activity.key);
              return { key: activity.key, text: cellText(t, cell, locale), status: cell.status, help: cell.help !== null };
            });
            return <GridRow key={learner.id} learner={learner} flag={help} flagLabel={help === '' ? '' : t('console.grid.flag', { reasons: help })} cells={cells} onLearner={onLearner} />;
          })}
        </tbody>
      </table>
    </div>
  );
}
