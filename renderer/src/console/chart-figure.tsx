import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from './bar-chart';
import type { ChartSeries } from './chart-data';

interface Props {
  readonly title: string;
  readonly series: ChartSeries;
  readonly format: (value: number) => string;
  readonly labelHeader: string;
  readonly valueHeader: string;
  readonly max?: number;
}

/** A chart with its text alternative: a one-line summary as the image's name and the numbers as a table. */
export function ChartFigure({ title, series, format, labelHeader, valueHeader, max }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const top = series.values.length === 0 ? -1 : series.values.indexOf(Math.max(...series.values));
  const summary = top < 0 ? t('console.charts.empty', { title }) : t('console.charts.summary', { title, label: series.labels[top], value: format(series.values[top]!) });
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <BarChart series={series} summary={summary} format={format} {...(max !== undefined ? { max } : {})} />
      <p className="hint">{t('console.charts.keys')}</p>
      <details>
        <summary>{t('console.charts.asTable')}</summary>
        <table className="detail-table">
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {series.labels.map((label, index) => (
              <tr key={`${label}-${index}`}>
                <th scope="row">{label}</th>
                <td>{format(series.values[index]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
