import { describe, expect, it } from 'vitest';
import {
  isoDateTimeSchema,
  isoDurationSchema,
  localeSchema,
  LOCALES,
  multilingualTitleSchema,
  nonEmptyStringSchema,
  queryBooleanSchema,
  unitIntervalSchema,
  uuidSchema,
} from '../../../shared/schemas/common';
import { multilingualTitle } from './fixtures/lesson-play-seed-examples';

describe('isoDateTimeSchema', () => {
  it.each(['2025-01-15T10:00:00Z', '2025-01-15T10:00:00.000Z', '2017-08-09T13:35:40.543845-07:00'])(
    'accepts %s',
    (value) => expect(isoDateTimeSchema.safeParse(value).success).toBe(true),
  );

  it.each(['2025-01-15T10:00:00', '2025-01-15', 'yesterday', ''])('rejects %s', (value) => {
    expect(isoDateTimeSchema.safeParse(value).success).toBe(false);
  });
});

describe('uuidSchema', () => {
  it('accepts a uuid and rejects the seed placeholder "uuid"', () => {
    expect(uuidSchema.safeParse('550e8400-e29b-41d4-a716-446655440000').success).toBe(true);
    expect(uuidSchema.safeParse('uuid').success).toBe(false);
  });
});

describe('nonEmptyStringSchema', () => {
  it('rejects empty and blank strings but keeps surrounding spaces', () => {
    expect(nonEmptyStringSchema.safeParse('').success).toBe(false);
    expect(nonEmptyStringSchema.safeParse('  \t').success).toBe(false);
    expect(nonEmptyStringSchema.parse(' a ')).toBe(' a ');
  });
});

describe('unitIntervalSchema', () => {
  it('accepts 0 and 1 and rejects values outside them', () => {
    expect(unitIntervalSchema.parse(0)).toBe(0);
    expect(unitIntervalSchema.parse(1)).toBe(1);
    expect(unitIntervalSchema.safeParse(1.01).success).toBe(false);
    expect(unitIntervalSchema.safeParse(-0.01).success).toBe(false);
  });
});

describe('isoDurationSchema', () => {
  it.each(['PT20M45S', 'PT15M30S', 'PT0.25S', 'P1DT2H', 'P2W', 'PT1H'])('accepts %s', (value) => {
    expect(isoDurationSchema.safeParse(value).success).toBe(true);
  });

  it.each(['P', 'PT', 'P1DT', 'PT5', '20:45', 'PT1.5M', '00:20:45'])('rejects %s', (value) => {
    expect(isoDurationSchema.safeParse(value).success).toBe(false);
  });
});

describe('queryBooleanSchema', () => {
  it('parses the literal spellings only', () => {
    expect(queryBooleanSchema.parse('true')).toBe(true);
    expect(queryBooleanSchema.parse('false')).toBe(false);
    for (const value of ['True', '1', 'yes', 'ture', '']) {
      expect(queryBooleanSchema.safeParse(value).success).toBe(false);
    }
  });
});

describe('locales', () => {
  it('are exactly the three the lesson-plays API accepts', () => {
    expect(LOCALES).toEqual(['en', 'zh-Hans', 'zh-Hant']);
    expect(localeSchema.safeParse('zh-CN').success).toBe(false);
    expect(localeSchema.safeParse('zh-hans').success).toBe(false);
  });
});

describe('multilingualTitleSchema', () => {
  it('parses the seed example and allows missing languages', () => {
    expect(multilingualTitleSchema.parse(multilingualTitle)).toEqual(multilingualTitle);
    expect(multilingualTitleSchema.parse({ en: 'Warmup' })).toEqual({ en: 'Warmup' });
  });

  it('rejects a non-string title on its path', () => {
    const result = multilingualTitleSchema.safeParse({ 'zh-Hant': 42 });
    expect(result.error?.issues.map((i) => i.path)).toEqual([['zh-Hant']]);
  });
});
