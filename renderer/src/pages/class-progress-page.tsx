import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridActivity, GridLearner } from '../../../shared/progress/build-grid';
import { ModalDialog } from '../ui/modal-dialog';
import { useNow } from '../ui/use-now';
import { useServices } from '../ui/services-context';
import { ActivityDetail } from '../console/activity-detail';
import { activityTitle } from '../console/activity-title';
import { ClassPicker } from '../console/class-picker';
import { GridControls } from '../console/grid-controls';
import { downloadText, toCsv } from '../console/grid-csv';
import { gridRows } from '../console/grid-rows';
import { LearnerDetail } from '../console/learner-detail';
import { ProgressCharts } from '../console/progress-charts';
import { ProgressGridTable } from '../console/progress-grid-table';
import { useClassGrid } from '../console/use-class-grid';
import { visibleGrid } from '../console/visible-grid';
import type { GridView } from '../console/visible-grid';
import { listClasses } from '../data/classes';
import { chooseClass, currentClassId } from '../data/current-class';
import { useInstructor } from '../auth/instructor-context';
import '../console/console.css';

type Open = { kind: 'learner'; learner: GridLearner; trigger: HTMLElement } | { kind: 'activity'; activity: GridActivity; trigger: HTMLElement };

/** Refreshed each minute so a running VR session's time (and a "far longer" flag) moves on screen. */
const CLOCK_MS = 60_000;

/** The instructor's class at a glance: who is where on every activity, who needs help, live. */
export function ClassProgressPage() {
  const { t, i18n } = useTranslation();
  const { db, ports } = useServices();
  const now = useNow(CLOCK_MS);
  const classes = useLiveQuery(() => listClasses(db), [db]);
  const { guard } = useInstructor();
  const chosen = useLiveQuery(() => currentClassId(db), [db]);
  const choose = (id: string) => void chooseClass(ports, guard, id);
  // The kiosk's current class; until one is chosen (or if it was deleted), the first by name.
  const classId = (chosen && classes?.some((c) => c.id === chosen) ? chosen : null) ?? classes?.[0]?.id ?? null;
  const grid = useClassGrid(db, classId, now);
  const [view, setView] = useState<GridView>({ kind: 'all', helpOnly: false });
  const [open, setOpen] = useState<Open | null>(null);
  const locale = i18n.language;
  const shown = useMemo(() => (grid ? visibleGrid(grid, view, locale) : null), [grid, view, locale]);
  const className = classes?.find((c) => c.id === classId)?.name ?? '';

  // Stable, so the grid's memoised rows are not all redrawn on every live update.
  const onLearner = useCallback((learner: GridLearner, trigger: HTMLElement) => setOpen({ kind: 'learner', learner, trigger }), []);
  const onActivity = useCallback((activity: GridActivity, trigger: HTMLElement) => setOpen({ kind: 'activity', activity, trigger }), []);

  const exportCsv = () => {
    if (!shown || !grid) return;
    const { header, rows } = gridRows(t, shown, grid.activities, locale);
    downloadText(toCsv(header, rows), t('console.export.gridFile', { name: className }));
  };

  return (
    <section aria-labelledby="progress-title" className="console-wide">
      <h1 id="progress-title">{t('console.title')}</h1>
      {classes !== undefined && classes.length === 0 && <p>{t('console.noClasses')}</p>}
      {classes !== undefined && classes.length > 0 && <ClassPicker classes={classes} value={classId} onChange={choose} />}
      {shown && grid && (
        <>
          <p className="hint" role="status">
            {t('console.summary', { count: grid.learners.length, help: shown.flagged.size })}
          </p>
          <GridControls view={view} onChange={setView} />
          <div className="console-actions">
            <button type="button" onClick={exportCsv}>
              {t('console.export.csv')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('console.export.print')}
            </button>
          </div>
          <ProgressCharts grid={shown} />
          <ProgressGridTable grid={shown} allActivities={grid.activities} onLearner={onLearner} onActivity={onActivity} />
        </>
      )}
      {open && shown && grid && (
        <ModalDialog title={open.kind === 'learner' ? open.learner.name : activityTitle(open.activity, locale)} returnFocus={open.trigger} onClose={() => setOpen(null)}>
          {open.kind === 'learner' ? <LearnerDetail learner={open.learner} grid={shown} activities={grid.activities} /> : <ActivityDetail db={db} activity={open.activity} grid={shown} />}
        </ModalDialog>
      )}
    </section>
  );
}
