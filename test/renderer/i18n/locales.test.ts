import { describe, expect, it } from 'vitest';
import { resources } from '../../../renderer/src/i18n/i18n';
import { UI_LOCALES } from '../../../shared/i18n/locales';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const english = flatten(resources.en.translation as Tree);

describe('UI translations', () => {
  it.each(UI_LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys, with the same placeholders', (locale) => {
    const other = flatten(resources[locale].translation as Tree);
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) expect(placeholders(other.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it.each([...UI_LOCALES])('%s has no blank strings', (locale) => {
    for (const [key, text] of flatten(resources[locale].translation as Tree)) expect(text.trim(), key).not.toBe('');
  });

  it('translates the Chinese UI rather than copying English into it', () => {
    const untranslated = ['app.name', 'languages.en', 'languages.zh-Hans', 'languages.zh-Hant'];
    for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
      const texts = flatten(resources[locale].translation as Tree);
      for (const [key, text] of texts) {
        if (untranslated.includes(key) || key.startsWith('platforms.')) continue;
        expect(text, `${locale} ${key}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
