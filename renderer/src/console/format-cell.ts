import type { TFunction } from 'i18next';
import type { GridCell } from '../../../shared/progress/grid-cell';
import { numberFormat } from '../i18n/formatters';

export function formatScore(score: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(score);
}

/** Time spent the way a teacher reads it: seconds under a minute, else whole minutes, hours past 90 minutes. */
export function formatSpent(seconds: number, locale: string): string {
  const unit = (name: 'second' | 'minute' | 'hour') => numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 1 });
  if (seconds < 60) return unit('second').format(seconds);
  if (seconds < 90 * 60) return unit('minute').format(Math.round(seconds / 60));
  return unit('hour').format(Math.round(seconds / 360) / 10);
}

/** The cell as words: status, then score and time when there are any. Also what the CSV export writes. */
export function cellText(t: TFunction, cell: GridCell, locale: string): string {
  const parts = [t(`console.status.${cell.status}`)];
  if (cell.score !== null) parts.push(formatScore(cell.score, locale));
  if (cell.seconds > 0) parts.push(formatSpent(cell.seconds, locale));
  return parts.join(' · ');
}
