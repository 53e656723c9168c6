import { describe, expect, it } from 'vitest';
import { isLanguageTag } from '../../../shared/xapi/language-tag';

describe('isLanguageTag', () => {
  it('accepts well-formed RFC 5646 tags', () => {
    for (const tag of [
      'en',
      'en-US',
      'EN-us',
      'es-419',
      'zh-Hans',
      'zh-Hant-TW',
      'zh-yue-HK',
      'tlh',
      'de-CH-1996',
      'sl-rozaj-biske',
      'en-a-myext-b-another',
      'en-US-x-twain',
      'x-whatever',
      'i-klingon',
      'zh-min-nan',
      'und',
    ]) {
      expect(isLanguageTag(tag), tag).toBe(true);
    }
  });

  it('rejects malformed tags', () => {
    for (const bad of [
      '',
      'e',
      'en_US',
      'en-',
      '-en',
      'en--US',
      'a12345',
      'toolonglang',
      'en-US-',
      'en-x',
      'en-a',
      'en-USA1',
      'en US',
      'english-is-my-language',
    ]) {
      expect(isLanguageTag(bad), bad).toBe(false);
    }
  });
});
