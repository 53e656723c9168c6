import { memo } from 'react';
import type { GridLearner } from '../../../shared/progress/build-grid';
import type { CellStatus } from '../../../shared/progress/grid-cell';

export interface RowCell {
  readonly key: string;
  readonly text: string;
  readonly status: CellStatus;
  readonly help: boolean;
}

interface Props {
  readonly learner: GridLearner;
  readonly flag: string;
  readonly flagLabel: string;
  readonly cells: readonly RowCell[];
  readonly onLearner: (learner: GridLearner, trigger: HTMLElement) => void;
}

function same(a: Props, b: Props): boolean {
  if (a.learner.id !== b.learner.id || a.learner.name !== b.learner.name || a.flag !== b.flag || a.flagLabel !== b.flagLabel || a.onLearner !== b.onLearner || a.cells.length !== b.cells.length) return false;
  return a.cells.every((cell, i) => {
    const other = b.cells[i]!;
    return cell.key === other.key && cell.text === other.text && cell.status === other.status && cell.help === other.help;
  });
}

/**
 * One learner's row. A live update rebuilds the whole grid from the database, but only rows whose words
 * changed are rendered again (compared by text): one learner's new result redraws one row, not 2,400 cells.
 */
export const GridRow = memo(function GridRow({ learner, flag, flagLabel, cells, onLearner }: Props) {
  return (
    <tr>
      <th scope="row">
        <button type="button" className="link" onClick={(event) => onLearner(learner, event.currentTarget)}>
          {learner.name}
        </button>
        {flag !== '' && <span className="help-flag">{flagLabel}</span>}
      </th>
      {cells.map((cell) => (
        <td key={cell.key} className={`cell cell-${cell.status}${cell.help ? ' cell-help' : ''}`}>
          {cell.text}
        </td>
      ))}
    </tr>
  );
}, same);
