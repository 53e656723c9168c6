import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { ChartSeries } from './chart-data';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/**
 * A bar chart drawn by Chart.js on a canvas (no stylesheet injected, so the CSP's style-src 'self' holds).
 * The canvas is an image with a summary as its name; the numbers themselves are in the table beside it,
 * which is what a keyboard or screen reader uses. No animation: the grid updates live.
 */
export function BarChart({ series, summary, max }: { series: ChartSeries; summary: string; max?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const accent = getComputedStyle(element).getPropertyValue('--accent').trim() || '#2f6feb';
    chart.current = new Chart(element, {
      type: 'bar',
      data: { labels: [], datasets: [{ data: [], backgroundColor: accent }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, indexAxis: 'y', events: [], scales: { x: { beginAtZero: true, ticks: { precision: 0 }, ...(max !== undefined ? { max } : {}) } } },
    });
    return () => chart.current?.destroy();
  }, [max]);
  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    current.data.labels = [...series.labels];
    current.data.datasets[0]!.data = [...series.values];
    current.update();
  }, [series]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
