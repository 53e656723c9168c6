import { useTranslation } from 'react-i18next';
import { downloadText, toCsv } from './grid-csv';

interface DetailTableProps {
  readonly header: readonly string[];
  /** Each row's cells as shown; the first is the row's heading. */
  readonly rows: readonly (readonly string[])[];
  readonly rowKeys: readonly string[];
  /** The CSV's file name: the export is exactly the table on screen. */
  readonly fileName: string;
}

/** A detail dialog's table and its CSV export, shared by the per-learner and per-activity views. */
export function DetailTable({ header, rows, rowKeys, fileName }: DetailTableProps) {
  const { t } = useTranslation();
  return (
    <>
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
          {rows.map((cells, index) => (
            <tr key={rowKeys[index]}>
              {cells.map((text, column) => (column === 0 ? <th scope="row" key={column}>{text}</th> : <td key={column}>{text}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => downloadText(toCsv(header, rows), fileName)}>
        {t('console.export.csv')}
      </button>
    </>
  );
}
