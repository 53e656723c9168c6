import type { OutpostTextOptions } from './perseus-widget-schemas';
import type { WidgetResult } from './widget-result';

export const MAX_TEXT_INPUT = 200;

/** Spaces around and doubled inside never decide an answer; Unicode is compared in one normal form. */
function normal(text: string, caseSensitive: boolean): string {
  const tidy = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return caseSensitive ? tidy : tidy.toLocaleLowerCase();
}

/** outpost-text: the first listed answer the typed text equals decides; none is wrong. */
export function checkText(options: OutpostTextOptions, typed: string): WidgetResult {
  if (typed.length > MAX_TEXT_INPUT) return { kind: 'invalid', reason: 'too-long' };
  const given = normal(typed, options.caseSensitive);
  if (given.length === 0) return { kind: 'invalid', reason: 'empty' };
  const match = options.answers.find((answer) => normal(answer.value, options.caseSensitive) === given);
  if (!match) return { kind: 'wrong', message: '' };
  if (match.status === 'ungraded') return { kind: 'invalid', reason: 'unreadable' };
  return match.status === 'correct' ? { kind: 'correct', message: match.message } : { kind: 'wrong', message: match.message };
}
