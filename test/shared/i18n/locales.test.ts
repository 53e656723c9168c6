import { describe, expect, it } from 'vitest';
import { matchUiLocale } from '../../../shared/i18n/locales';

describe('matchUiLocale', () => {
  it.each([
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    [undefined, 'en'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
  ])('%s -> %s', (tag, expected) => {
    expect(matchUiLocale(tag)).toBe(expected);
  });
});
