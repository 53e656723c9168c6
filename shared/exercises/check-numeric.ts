import { parseNumber } from './parse-number';
import { NUMBER_FORMS } from './perseus-widget-schemas';
import type { NumericInputOptions } from './perseus-widget-schemas';
import type { WidgetResult } from './widget-result';

/** Float noise allowed on top of an answer's maxError, so 0.1 + 0.2 typed as 0.3 matches. */
const EPSILON = 1e-9;

/**
 * Perseus's numeric-input scoring: the first answer the number matches decides (so order matters), where
 * matching means within maxError and written in a form the answer accepts (only its answerForms when
 * strict, any form otherwise). An unsimplified fraction matching a correct answer is invalid when
 * simplify is "required" (try again), wrong when "enforced", fine when "optional". No match is wrong.
 */
export function checkNumeric(options: NumericInputOptions, typed: string): WidgetResult {
  if (typed.trim().length === 0) return { kind: 'invalid', reason: 'empty' };
  const parsed = parseNumber(typed);
  if (!parsed) return { kind: 'invalid', reason: 'unreadable' };
  for (const answer of options.answers) {
    if (typeof answer.value !== 'number') continue;
    const forms: readonly string[] = answer.strict && answer.answerForms ? answer.answerForms : NUMBER_FORMS;
    if (!forms.includes(parsed.form)) continue;
    if (Math.abs(parsed.value - answer.value) > (answer.maxError ?? 0) + EPSILON) continue;
    if (answer.status === 'ungraded') return { kind: 'invalid', reason: 'unreadable' };
    if (answer.status === 'wrong') return { kind: 'wrong', message: answer.message };
    if (!parsed.simplified && answer.simplify === 'required') return { kind: 'invalid', reason: 'not-simplified' };
    if (!parsed.simplified && answer.simplify === 'enforced') return { kind: 'wrong', message: answer.message };
    return { kind: 'correct', message: answer.message };
  }
  return { kind: 'wrong', message: '' };
}
