import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS } from '../../../shared/progress/grid-cell';
import type { ActivityKind } from '../../../shared/progress/grid-cell';
import { Labelled } from './labelled';
import type { GridView } from './visible-grid';

/** The view of the grid: which kind of activity, and only the learners who need help. Exports follow it. */
export function GridControls({ view, onChange }: { view: GridView; onChange: (view: GridView) => void }) {
  const { t } = useTranslation();
  return (
    <div className="grid-controls">
      <Labelled label={t('console.view.kind')}>
        {(id) => (
          <select id={id} name="kind" value={view.kind} onChange={(event) => onChange({ ...view, kind: event.target.value as ActivityKind | 'all' })}>
            <option value="all">{t('console.view.allKinds')}</option>
            {ACTIVITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`console.kinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <label className="inline">
        <input type="checkbox" name="help-only" checked={view.helpOnly} onChange={(event) => onChange({ ...view, helpOnly: event.target.checked })} />
        {t('console.view.helpOnly')}
      </label>
    </div>
  );
}
