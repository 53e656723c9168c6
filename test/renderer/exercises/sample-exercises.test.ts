import { describe, expect, it } from 'vitest';
import type { PerseusItem } from '../../../shared/exercises/perseus-item-schema';
import { scoreItem } from '../../../shared/exercises/score-item';
import type { ItemInput } from '../../../shared/exercises/score-item';
import { SAMPLE_EXERCISES } from '../../../renderer/src/exercises/sample-exercises';

/** The answer key of an item as a learner would enter it. */
function keyOf(item: PerseusItem): ItemInput {
  return Object.fromEntries(
    Object.entries(item.question.widgets).map(([id, widget]) => {
      if (widget.type === 'radio') return [id, { selectedChoiceIds: widget.options.choices.filter((c) => c.correct).map((c) => c.id) }];
      if (widget.type === 'outpost-text') return [id, { currentValue: widget.options.answers.find((a) => a.status === 'correct')?.value ?? '' }];
      const answer = widget.options.answers.find((a) => a.status === 'correct');
      const value = answer?.value ?? NaN;
      // An answer that accepts only fractions is typed as one, in lowest terms.
      const fractionOnly = answer?.strict === true && !answer.answerForms?.some((form) => form === 'decimal' || form === 'integer');
      const denominator = fractionOnly ? Array.from({ length: 100 }, (_, i) => i + 1).find((d) => Number.isInteger(value * d)) : undefined;
      return [id, { currentValue: denominator ? `${value * denominator}/${denominator}` : String(value) }];
    }),
  );
}

const widgetTypes = SAMPLE_EXERCISES.flatMap((file) => Object.values(file.assessment_items).flatMap((t) => Object.values(t.en.question.widgets).map((w) => w.type)));

describe('the bundled sample exercises', () => {
  it('cover multiple choice, numeric, text and true/false exercises and a coach quiz', () => {
    expect(new Set(widgetTypes)).toEqual(new Set(['radio', 'numeric-input', 'input-number', 'outpost-text']));
    expect(SAMPLE_EXERCISES.filter((f) => f.kind === 'quiz')).toHaveLength(1);
    const trueFalse = SAMPLE_EXERCISES.find((f) => f.kind === 'exercise' && f.content_id.endsWith('c004'));
    expect(Object.values(trueFalse?.assessment_items ?? {}).map((t) => t.en.question.widgets['radio 1']?.type === 'radio' && t.en.question.widgets['radio 1'].options.choices.map((c) => c.content))).toEqual([['True', 'False'], ['True', 'False'], ['True', 'False']]);
  });
  it('carry hints on every exercise item and all three languages, the Chinese ones in Chinese', () => {
    for (const file of SAMPLE_EXERCISES) {
      expect(file.title['zh-Hans']).toMatch(/\p{Script=Han}/u);
      expect(file.title['zh-Hant']).toMatch(/\p{Script=Han}/u);
      for (const translations of Object.values(file.assessment_items)) {
        if (file.kind === 'exercise') expect(translations.en.hints.length).toBeGreaterThan(0);
        expect(translations['zh-Hans']?.question.content).toMatch(/\p{Script=Han}/u);
        expect(translations['zh-Hant']?.question.content).toMatch(/\p{Script=Han}/u);
      }
    }
  });
  it('score their own answer keys correct in every language, and a wrong answer wrong', () => {
    for (const file of SAMPLE_EXERCISES) {
      for (const translations of Object.values(file.assessment_items)) {
        for (const item of Object.values(translations)) {
          if (!item) continue;
          expect(scoreItem(item, keyOf(item))).toMatchObject({ kind: 'graded', correct: 1 });
          const wrong = Object.fromEntries(Object.entries(item.question.widgets).map(([id, w]) => [id, w.type === 'radio' ? { selectedChoiceIds: [w.options.choices.find((c) => !c.correct)?.id ?? ''] } : { currentValue: '999' }]));
          expect(scoreItem(item, wrong)).toMatchObject({ kind: 'graded', correct: 0 });
        }
      }
    }
  });
});
