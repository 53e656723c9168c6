import { checkNumeric } from './check-numeric';
import { checkRadio } from './check-radio';
import { checkText } from './check-text';
import type { PerseusItem } from './perseus-item-schema';
import type { PerseusWidget } from './perseus-widget';
import type { InvalidReason, WidgetResult } from './widget-result';

/** Perseus's user input per widget: chosen ids for radio, the typed text for the inputs. */
export type WidgetInput = { readonly selectedChoiceIds: readonly string[] } | { readonly currentValue: string };
export type ItemInput = Readonly<Record<string, WidgetInput>>;

export type ItemScore =
  | { readonly kind: 'graded'; readonly correct: 0 | 1; readonly messages: readonly string[] }
  | { readonly kind: 'invalid'; readonly widgetId: string; readonly reason: InvalidReason };

export function checkWidget(widget: PerseusWidget, input: WidgetInput | undefined): WidgetResult {
  const typed = input && 'currentValue' in input ? input.currentValue : '';
  switch (widget.type) {
    case 'radio':
      return checkRadio(widget.options, input && 'selectedChoiceIds' in input ? input.selectedChoiceIds : []);
    case 'numeric-input':
    case 'input-number':
      return checkNumeric(widget.options, typed);
    case 'outpost-text':
      return checkText(widget.options, typed);
  }
}

/**
 * An item is correct (1) only when every graded widget is, as Kolibri records a Perseus score; any invalid
 * widget makes the whole answer invalid, so nothing half-read is ever recorded.
 */
export function scoreItem(item: PerseusItem, input: ItemInput): ItemScore {
  const messages: string[] = [];
  let allCorrect = true;
  for (const [widgetId, widget] of Object.entries(item.question.widgets)) {
    if (widget.graded === false) continue;
    const result = checkWidget(widget, input[widgetId]);
    if (result.kind === 'invalid') return { kind: 'invalid', widgetId, reason: result.reason };
    if (result.kind === 'wrong') allCorrect = false;
    if (result.message) messages.push(result.message);
  }
  return { kind: 'graded', correct: allCorrect ? 1 : 0, messages };
}

/** A short readable answer for attempt logs (simple_answer): the typed text or the chosen choices. */
export function simpleAnswer(item: PerseusItem, input: ItemInput): string {
  return Object.entries(item.question.widgets)
    .map(([widgetId, widget]) => {
      const given = input[widgetId];
      if (!given) return '';
      if ('currentValue' in given) return given.currentValue.trim();
      const choices = widget.type === 'radio' ? widget.options.choices : [];
      return given.selectedChoiceIds.map((id) => choices.find((c) => c.id === id)?.content ?? id).join(', ');
    })
    .filter((text) => text.length > 0)
    .join('; ')
    .slice(0, 4096);
}
