import { useTranslation } from 'react-i18next';
import type { GridActivity, GridLearner } from '../../../shared/progress/build-grid';
import { formatDateTime } from '../i18n/format';
import { activityTitle } from './activity-title';
import { formatScore, formatSpent } from './format-cell';
import { DetailTable } from './detail-table';
import type { VisibleGrid } from './visible-grid';

/** One learner across every activity they have records for, with the reason for any flag. */
export function LearnerDetail({ learner, grid, activities }: { learner: GridLearner; grid: VisibleGrid; activities: readonly GridActivity[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const rows = activities.flatMap((activity) => {
    const cell = grid.cell(learner.id, activity.key);
    return cell.status === 'notStarted' && cell.attempts === 0 ? [] : [{ activity, cell }];
  });
  const table = rows.map(({ activity, cell }) => [
    activityTitle(activity, locale),
    t(`console.kind.${activity.kind}`),
    t(`console.status.${cell.status}`),
    cell.score === null ? '' : formatScore(cell.score, locale),
    formatSpent(cell.seconds, locale),
    String(cell.attempts),
    cell.updatedAt ? formatDateTime(cell.updatedAt, locale) : '',
    cell.help ? t(`console.help.${cell.help}`, { activity: activityTitle(activity, locale) }) : '',
  ]);
  const header = (['activity', 'kind', 'status', 'score', 'time', 'attempts', 'updated', 'needsHelp'] as const).map((column) => t(`console.detail.${column}`));
  if (rows.length === 0) return <p>{t('console.detail.nothingYet')}</p>;
  return (
    <>
      <DetailTable header={header} rows={table} rowKeys={rows.map((row) => row.activity.key)} fileName={t('console.export.learnerFile', { name: learner.name })} />
    </>
  );
}
