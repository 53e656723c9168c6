import { z } from 'zod';
import { UI_LOCALES } from '../i18n/locales';
import type { UiLocale } from '../i18n/locales';
import { mOfNMasteryModelSchema, NUM_CORRECT_IN_A_ROW_TYPES } from '../schemas/mastery-model';
import { perseusItemSchema } from './perseus-item-schema';
import type { PerseusItem } from './perseus-item-schema';

export const MAX_ITEMS = 100;
const id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'Ids are 1 to 128 letters, digits, _ or -');
const title = z.string().min(1).max(200);

/** English always; Chinese when translated (the player falls back to English). */
function localized<T extends z.ZodType>(value: T) {
  return z.object({ en: value, 'zh-Hans': value.optional(), 'zh-Hant': value.optional() }).strict();
}
export type Localized<T> = { readonly en: T } & { readonly [L in Exclude<UiLocale, 'en'>]?: T | undefined };

export function inLocale<T>(value: Localized<T>, locale: string): T {
  const known = (UI_LOCALES as readonly string[]).includes(locale) ? (locale as UiLocale) : 'en';
  return value[known] ?? value.en;
}

/** The widget ids and radio keys of an item: translations must agree on them, so answers mean the same. */
function answerShape(item: PerseusItem): string {
  const entries = Object.entries(item.question.widgets).map(([wid, w]) => [wid, w.type, w.type === 'radio' ? w.options.choices.map((c) => `${c.id}:${c.correct === true}`) : null]);
  return JSON.stringify(entries.sort());
}

const itemsSchema = z
  .record(id, localized(perseusItemSchema))
  .refine((items) => Object.keys(items).length <= MAX_ITEMS, `At most ${MAX_ITEMS} items`)
  .superRefine((items, ctx) => {
    for (const [itemId, translations] of Object.entries(items)) {
      const shapes = new Set(Object.values(translations).flatMap((item) => (item ? [answerShape(item)] : [])));
      if (shapes.size > 1) ctx.addIssue({ code: 'custom', path: [itemId], message: 'Translations of an item must have the same widgets and correct choices' });
    }
  });

const itemIds = z.array(id).min(1).max(MAX_ITEMS).refine((ids) => new Set(ids).size === ids.length, 'Item ids must be unique');

/** Kolibri's exercise models that make sense for a bundled exercise (do_all included). */
const exerciseModel = z.discriminatedUnion('type', [mOfNMasteryModelSchema, ...NUM_CORRECT_IN_A_ROW_TYPES.map((type) => z.object({ type: z.literal(type) })), z.object({ type: z.literal('do_all') })]);

/**
 * A playable exercise or coach quiz. The envelope is Kolibri's content node (node, content and channel
 * ids; assessmentmetadata with the item ids, mastery model and randomize); each item is a Perseus item
 * per language.
 */
export const exerciseFileSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('exercise'),
      node_id: id,
      content_id: id,
      channel_id: id,
      title: localized(title),
      assessmentmetadata: z.object({ assessment_item_ids: itemIds, mastery_model: exerciseModel, randomize: z.boolean() }).strict(),
      assessment_items: itemsSchema,
    }),
    z.object({ kind: z.literal('quiz'), quiz_id: id, title: localized(title), assessment_item_ids: itemIds, assessment_items: itemsSchema }),
  ])
  .superRefine((file, ctx) => {
    const ids = file.kind === 'exercise' ? file.assessmentmetadata.assessment_item_ids : file.assessment_item_ids;
    for (const itemId of ids) if (!file.assessment_items[itemId]) ctx.addIssue({ code: 'custom', path: ['assessment_items'], message: `Item ${itemId} is listed but missing` });
    if (file.kind === 'exercise' && file.assessmentmetadata.mastery_model.type === 'm_of_n' && file.assessmentmetadata.mastery_model.n > MAX_ITEMS) ctx.addIssue({ code: 'custom', path: ['assessmentmetadata'], message: 'n is too large' });
  });
export type ExerciseFile = z.infer<typeof exerciseFileSchema>;
export type PlayableExercise = Extract<ExerciseFile, { kind: 'exercise' }>;
export type PlayableQuiz = Extract<ExerciseFile, { kind: 'quiz' }>;
