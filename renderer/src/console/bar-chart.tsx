import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ChartOptions } from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSeries } from './chart-data';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** The bar a key moves to from `current` among `count` bars, or null for a key that does not move. */
export function nextBar(key: string, current: number | null, count: number): number | null {
  if (count === 0) return null;
  const at = current ?? -1;
  if (key === 'ArrowDown' || key === 'ArrowRight') return Math.min(at + 1, count - 1);
  if (key === 'ArrowUp' || key === 'ArrowLeft') return Math.max(at - 1, 0);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * The chart's options: horizontal bars, no animation, whole numbers on the axis from zero, the tooltip in our
 * words, and the UI language as Chart.js's `locale` so the axis numbers are written the way the UI writes them.
 */
export function barOptions(locale: string, format: (value: number) => string, max?: number): ChartOptions<'bar'> {
  return {
    locale,
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: 'y',
    scales: { x: { beginAtZero: true, ticks: { precision: 0 }, ...(max !== undefined ? { max } : {}) } },
    plugins: { tooltip: { displayColors: false, callbacks: { label: (item) => format(Number(item.raw)) } } },
  };
}

/**
 * A bar chart drawn by Chart.js on a canvas (no stylesheet injected, so the CSP's style-src 'self' holds).
 * The canvas is an image with a summary as its name; pointing at a bar, or focusing the chart and moving
 * with the arrow keys (Home, End), shows that bar's number, which is also read out through a live region.
 * Every number is in the table beside it too. No animation: the grid updates live.
 */
export function BarChart({ series, summary, max, format }: { series: ChartSeries; summary: string; max?: number; format: (value: number) => string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const formatRef = useRef(format);
  const localeRef = useRef(locale);
  useEffect(() => {
    formatRef.current = format;
  }, [format]);
  const [active, setActive] = useState<number | null>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const accent = getComputedStyle(element).getPropertyValue('--accent').trim() || '#2f6feb';
    chart.current = new Chart(element, {
      type: 'bar',
      data: { labels: [], datasets: [{ data: [], backgroundColor: accent }] },
      options: barOptions(localeRef.current, (value) => formatRef.current(value), max),
    });
    return () => chart.current?.destroy();
  }, [max]);

  // The language changes under a drawn chart: its axis follows without drawing it anew.
  useEffect(() => {
    localeRef.current = locale;
    const current = chart.current;
    if (!current || current.options.locale === locale) return;
    current.options.locale = locale;
    current.update();
  }, [locale]);

  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    current.data.labels = [...series.labels];
    current.data.datasets[0]!.data = [...series.values];
    current.update();
    setActive((index) => (index !== null && index >= series.values.length ? null : index));
  }, [series]);

  function show(index: number | null) {
    const current = chart.current;
    setActive(index);
    if (!current) return;
    const elements = index === null ? [] : [{ datasetIndex: 0, index }];
    current.setActiveElements(elements);
    const bar = index === null ? undefined : current.getDatasetMeta(0).data[index];
    current.tooltip?.setActiveElements(elements, { x: bar?.x ?? 0, y: bar?.y ?? 0 });
    current.update();
  }

  function onKeyDown(event: KeyboardEvent<HTMLCanvasElement>) {
    const next = nextBar(event.key, active, series.values.length);
    if (next === null) return;
    event.preventDefault();
    show(next);
  }

  const reading = active === null || series.labels[active] === undefined ? '' : t('console.charts.reading', { label: series.labels[active], value: format(series.values[active] ?? 0) });
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={summary} tabIndex={0} aria-keyshortcuts="ArrowUp ArrowDown Home End" onKeyDown={onKeyDown} onBlur={() => show(null)} />
      <p className="visually-hidden" aria-live="polite" data-testid="chart-reading">
        {reading}
      </p>
    </div>
  );
}
