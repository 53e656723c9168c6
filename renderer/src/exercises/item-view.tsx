import { useTranslation } from 'react-i18next';
import { shuffledItems } from '../../../shared/mastery/next-question';
import type { PerseusItem } from '../../../shared/exercises/perseus-item-schema';
import type { PerseusWidget } from '../../../shared/exercises/perseus-widget';
import type { ItemInput, WidgetInput } from '../../../shared/exercises/score-item';
import { contentSegments } from '../../../shared/exercises/widget-placeholders';

interface ItemViewProps {
  readonly item: PerseusItem;
  readonly input: ItemInput;
  readonly onChange: (input: ItemInput) => void;
  readonly disabled: boolean;
  /** Seeds a radio's shuffled order, so a learner sees the same order on every visit. */
  readonly seed: string;
}

/**
 * A Perseus question: its markdown as text (paragraphs and line breaks; TeX shows as typed) with each
 * [[☃ id]] replaced by its widget. Everything is React elements: no HTML strings, no eval, no styles.
 */
export function ItemView({ item, input, onChange, disabled, seed }: ItemViewProps) {
  return (
    <div className="perseus-content">
      {contentSegments(item.question.content).map((segment, index) => {
        if (segment.kind === 'text') return <span key={index}>{segment.text}</span>;
        const widget = item.question.widgets[segment.id];
        if (!widget) return null;
        return <WidgetView key={segment.id} id={segment.id} widget={widget} value={input[segment.id]} disabled={disabled} seed={`${seed}:${segment.id}`} onChange={(value) => onChange({ ...input, [segment.id]: value })} />;
      })}
    </div>
  );
}

interface WidgetViewProps {
  readonly id: string;
  readonly widget: PerseusWidget;
  readonly value: WidgetInput | undefined;
  readonly disabled: boolean;
  readonly seed: string;
  readonly onChange: (value: WidgetInput) => void;
}

function WidgetView({ id, widget, value, disabled, seed, onChange }: WidgetViewProps) {
  const { t } = useTranslation();
  if (widget.type === 'radio') {
    const { choices, randomize, multipleSelect } = widget.options;
    const order = randomize ? shuffledItems(choices.map((c) => c.id), seed) : choices.map((c) => c.id);
    const selected = value && 'selectedChoiceIds' in value ? value.selectedChoiceIds : [];
    const toggle = (choiceId: string) => (multipleSelect ? (selected.includes(choiceId) ? selected.filter((s) => s !== choiceId) : [...selected, choiceId]) : [choiceId]);
    return (
      <fieldset className="perseus-radio" disabled={disabled}>
        <legend>{t('exercises.chooseAnswer')}</legend>
        {order.map((choiceId) => {
          const choice = choices.find((c) => c.id === choiceId);
          return (
            <label key={choiceId}>
              <input type={multipleSelect ? 'checkbox' : 'radio'} name={`${seed}-${id}`} checked={selected.includes(choiceId)} onChange={() => onChange({ selectedChoiceIds: toggle(choiceId) })} />
              {choice?.content}
            </label>
          );
        })}
      </fieldset>
    );
  }
  const typed = value && 'currentValue' in value ? value.currentValue : '';
  const numeric = widget.type !== 'outpost-text';
  return (
    <input
      type="text"
      inputMode={numeric ? 'decimal' : 'text'}
      autoComplete="off"
      maxLength={200}
      aria-label={widget.options.labelText ?? t('exercises.answerLabel')}
      value={typed}
      disabled={disabled}
      onChange={(event) => onChange({ currentValue: event.target.value })}
    />
  );
}
