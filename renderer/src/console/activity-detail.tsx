import { useTranslation } from 'react-i18next';
import type { GridActivity } from '../../../shared/progress/build-grid';
import type { OutpostDb } from '../db/outpost-db';
import { isDone } from '../../../shared/progress/grid-cell';
import { DifficultQuestions } from './difficult-questions';
import { formatScore, formatSpent } from './format-cell';
import { DetailTable } from './detail-table';
import { activityTitle } from './activity-title';
import type { VisibleGrid } from './visible-grid';

/** One activity across the learners shown: who is where, and for an exercise, its difficult questions. */
export function ActivityDetail({ db, activity, grid }: { db: OutpostDb; activity: GridActivity; grid: VisibleGrid }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const cells = grid.learners.map((learner) => ({ learner, cell: grid.cell(learner.id, activity.key) }));
  const done = cells.filter(({ cell }) => isDone(cell.status)).length;
  const header = (['learner', 'status', 'score', 'time', 'attempts', 'needsHelp'] as const).map((column) => t(`console.detail.${column}`));
  const table = cells.map(({ learner, cell }) => [
    learner.name,
    t(`console.status.${cell.status}`),
    cell.score === null ? '' : formatScore(cell.score, locale),
    cell.seconds > 0 ? formatSpent(cell.seconds, locale) : '',
    String(cell.attempts),
    cell.help ? t(`console.help.${cell.help}`, { activity: activityTitle(activity, locale) }) : '',
  ]);
  return (
    <>
      <p>{t('console.detail.done', { done, total: cells.length })}</p>
      <DetailTable header={header} rows={table} rowKeys={cells.map((cell) => cell.learner.id)} fileName={t('console.export.activityFile', { name: activityTitle(activity, locale) })} />
      {activity.kind === 'exercise' && <DifficultQuestions db={db} contentId={activity.id} learnerIds={grid.learners.map((l) => l.id)} />}
    </>
  );
}
