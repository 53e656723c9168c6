import { z } from 'zod';

/**
 * Every timestamp the seed APIs exchange. Local (offset-less) times are refused because sync compares them
 * across machines.
 */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof isoDateTimeSchema>;

export const uuidSchema = z.uuid();
export type Uuid = z.infer<typeof uuidSchema>;

/** Refuses blank strings without trimming, so ids and titles round-trip byte for byte. */
export const nonEmptyStringSchema = z.string().regex(/\S/, 'Must not be empty or blank');
export type NonEmptyString = z.infer<typeof nonEmptyStringSchema>;

/** Fractions such as progress, correctness and scaled scores. */
export const unitIntervalSchema = z.number().min(0).max(1);
export type UnitInterval = z.infer<typeof unitIntervalSchema>;

/**
 * ISO 8601 duration (PnYnMnWnDTnHnMnS); only seconds may carry a fraction, as SCORM's timeinterval allows.
 * The lookaheads refuse the empty forms "P" and "P1DT".
 */
export const isoDurationSchema = z
  .string()
  .regex(
    /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
    'Must be an ISO 8601 duration such as PT20M45S',
  );
export type IsoDuration = z.infer<typeof isoDurationSchema>;

/**
 * Query-string booleans arrive as text. Only the literal spellings are accepted so that a typo such as
 * `complete=ture` is a 400 rather than a silently ignored filter.
 */
export const queryBooleanSchema = z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'sensitive' });
export type QueryBoolean = z.infer<typeof queryBooleanSchema>;

/**
 * The locales the lesson-plays API accepts. Kept apart from the UI's locale list on purpose: the UI may
 * gain a language before the remote API does.
 */
export const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** Titles populated by the remote; any language may be missing, so readers need their own fallback. */
export const multilingualTitleSchema = z.object({
  en: z.string().optional(),
  'zh-Hans': z.string().optional(),
  'zh-Hant': z.string().optional(),
});
export type MultilingualTitle = z.infer<typeof multilingualTitleSchema>;
