import { useTranslation } from 'react-i18next';
import type { GridActivity } from '../../../shared/progress/build-grid';
import type { OutpostDb } from '../db/outpost-db';
import { isDone } from '../../../shared/progress/grid-cell';
import { DifficultQuestions } from './difficult-questions';
import { formatScore, formatSpent } from './format-cell';
import { downloadText, toCsv } from './grid-csv';
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
      <table className="detail-table">
        <thead>
          <tr>
            {header.map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.map((row, index) => (
            <tr key={cells[index]!.learner.id}>
              {row.map((text, column) => (column === 0 ? <th scope="row" key={column}>{text}</th> : <td key={column}>{text}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => downloadText(toCsv(header, table), t('console.export.activityFile', { name: activityTitle(activity, locale) }))}>
        {t('console.export.csv')}
      </button>
      {activity.kind === 'exercise' && <DifficultQuestions db={db} contentId={activity.id} learnerIds={grid.learners.map((l) => l.id)} />}
    </>
  );
}
