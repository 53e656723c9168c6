import type { z } from 'zod';
import type { radioOptionsSchema } from './perseus-widget-schemas';
import type { WidgetResult } from './widget-result';

type RadioOptions = z.infer<typeof radioOptionsSchema>;

/**
 * Perseus's radio scoring: correct when exactly the correct choices are selected (one for single select).
 * Nothing selected is invalid; an id the widget does not have is unreadable. A wrong choice's rationale
 * is its message.
 */
export function checkRadio(options: RadioOptions, selectedChoiceIds: readonly string[]): WidgetResult {
  if (selectedChoiceIds.length === 0) return { kind: 'invalid', reason: 'empty' };
  const known = new Map(options.choices.map((choice) => [choice.id, choice]));
  const selected = new Set(selectedChoiceIds);
  if ([...selected].some((id) => !known.has(id))) return { kind: 'invalid', reason: 'unreadable' };
  if (options.multipleSelect !== true && selected.size > 1) return { kind: 'invalid', reason: 'unreadable' };
  const correct = options.choices.filter((c) => c.correct === true).map((c) => c.id);
  if (correct.length === selected.size && correct.every((id) => selected.has(id))) return { kind: 'correct', message: '' };
  const wrongPick = [...selected].map((id) => known.get(id)).find((c) => c?.correct !== true && c?.rationale);
  return { kind: 'wrong', message: wrongPick?.rationale ?? '' };
}
