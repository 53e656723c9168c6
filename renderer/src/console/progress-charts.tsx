import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { activityTitle } from './activity-title';
import { SCORE_BANDS, completionPerActivity, minutesPerActivity, scoreDistribution } from './chart-data';
import { ChartFigure } from './chart-figure';
import { formatScore, formatSpent } from './format-cell';
import type { VisibleGrid } from './visible-grid';

/** Completion per activity, score distribution and time spent, for what the grid shows. */
export function ProgressCharts({ grid }: { grid: VisibleGrid }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const charts = useMemo(() => {
    const byKey = new Map(grid.activities.map((a) => [a.key, activityTitle(a, locale)]));
    const title = (key: string) => byKey.get(key) ?? key;
    const bands = Array.from({ length: SCORE_BANDS }, (_, band) => t('console.charts.band', { from: formatScore(band / SCORE_BANDS, locale), to: formatScore(band === SCORE_BANDS - 1 ? 1 : (band + 1) / SCORE_BANDS - 0.01, locale) }));
    return { completion: completionPerActivity(grid, title), scores: { labels: bands, values: scoreDistribution(grid) }, minutes: minutesPerActivity(grid, title) };
  }, [grid, locale, t]);
  return (
    <section className="charts" aria-label={t('console.charts.label')}>
      <ChartFigure title={t('console.charts.completion')} series={charts.completion} max={100} format={(v) => formatScore(v / 100, locale)} labelHeader={t('console.detail.activity')} valueHeader={t('console.charts.done')} />
      <ChartFigure title={t('console.charts.scores')} series={charts.scores} format={(v) => String(v)} labelHeader={t('console.detail.score')} valueHeader={t('console.charts.results')} />
      <ChartFigure title={t('console.charts.time')} series={charts.minutes} format={(v) => formatSpent(v * 60, locale)} labelHeader={t('console.detail.activity')} valueHeader={t('console.charts.averageTime')} />
    </section>
  );
}
