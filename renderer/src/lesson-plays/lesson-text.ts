import { titleIn } from '../../../shared/lesson-plays/session-titles';
import type { MultilingualTitle } from '../../../shared/schemas/common';
import { numberFormat } from '../i18n/formatters';

/** A lesson's or session's title in a language (that one, then English, then any), or undefined. */
export function localTitle(title: MultilingualTitle | undefined, locale: string): string | undefined {
  return titleIn(title, locale);
}

/** 0-1 values as a whole percentage in the UI language. */
export function formatPercent(value: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}
