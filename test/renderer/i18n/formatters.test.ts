import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cachedFormatterCount, collator, dateTimeFormat, MAX_FORMATTERS, numberFormat, relativeTimeFormat } from '../../../renderer/src/i18n/formatters';
import { formatDateTime, formatNumber, formatTime } from '../../../renderer/src/i18n/format';
import { formatBytes, formatPercent } from '../../../renderer/src/i18n/format-bytes';
import { formatRelativeTime } from '../../../renderer/src/i18n/format-relative-time';

const at = new Date('2026-03-02T09:45:00.000Z');

describe('cached Intl formatters', () => {
  it('returns the same instance for the same locale and options, whatever their key order', () => {
    const a = dateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    const b = dateTimeFormat('en', { timeZone: 'UTC', timeStyle: 'short', dateStyle: 'medium' });
    expect(b).toBe(a);
    expect(numberFormat('zh-Hans', { maximumFractionDigits: 2 })).toBe(numberFormat('zh-Hans', { maximumFractionDigits: 2 }));
    expect(relativeTimeFormat('zh-Hant', { numeric: 'auto' })).toBe(relativeTimeFormat('zh-Hant', { numeric: 'auto' }));
    expect(collator('en', { sensitivity: 'base' })).toBe(collator('en', { sensitivity: 'base' }));
    // An option left undefined is the same as one not given.
    expect(numberFormat('en', { maximumFractionDigits: 2, style: undefined })).toBe(numberFormat('en', { maximumFractionDigits: 2 }));
  });

  it('keeps formatters of another locale, other options or another kind apart', () => {
    const en = dateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(dateTimeFormat('zh-Hans', { dateStyle: 'medium', timeZone: 'UTC' })).not.toBe(en);
    expect(dateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' })).not.toBe(en);
    expect(dateTimeFormat('en', { dateStyle: 'medium', timeZone: 'Asia/Taipei' })).not.toBe(en);
    expect(numberFormat('en', { style: 'percent' })).not.toBe(numberFormat('en', { style: 'unit', unit: 'minute' }));
  });

  it('formats correctly in en, zh-Hans and zh-Hant', () => {
    expect(dateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at)).toBe('Mar 2, 2026, 9:45 AM');
    expect(dateTimeFormat('zh-Hans', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(at)).toBe('2026年3月2日 17:45');
    expect(dateTimeFormat('zh-Hant', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Taipei' }).format(at)).toMatch(/^2026年3月2日 (下午)?5:45$/);
    expect(numberFormat('en', { maximumFractionDigits: 2 }).format(1234.567)).toBe('1,234.57');
    expect(numberFormat('zh-Hans', { style: 'percent', maximumFractionDigits: 0 }).format(0.69)).toBe('69%');
    expect(numberFormat('zh-Hant', { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(30)).toBe('30 分鐘');
    expect(relativeTimeFormat('en', { numeric: 'auto' }).format(-1, 'day')).toBe('yesterday');
    expect(relativeTimeFormat('zh-Hans', { numeric: 'auto' }).format(-5, 'minute')).toBe('5分钟前');
    expect(relativeTimeFormat('zh-Hant', { numeric: 'auto' }).format(-5, 'minute')).toBe('5 分鐘前');
    expect(['b', 'A', 'a10', 'a9'].sort(collator('en', { sensitivity: 'base', numeric: true }).compare)).toEqual(['A', 'a9', 'a10', 'b']);
  });

  it('the app formatters reuse one formatter per locale and options across calls', () => {
    formatDateTime(at.toISOString(), 'zh-Hant', 'Asia/Taipei');
    formatNumber(1, 'zh-Hant');
    formatTime(at.toISOString(), 'zh-Hant', 'Asia/Taipei');
    formatBytes(1_500_000, 'zh-Hant');
    formatPercent(50, 'zh-Hant');
    formatRelativeTime(at.toISOString(), new Date(at.getTime() + 300_000), 'zh-Hant');
    const afterFirst = cachedFormatterCount();
    for (let i = 0; i < 500; i++) {
      formatDateTime(new Date(at.getTime() + i * 60_000).toISOString(), 'zh-Hant', 'Asia/Taipei');
      formatNumber(i / 3, 'zh-Hant');
      formatTime(at.toISOString(), 'zh-Hant', 'Asia/Taipei');
      formatBytes(1_500_000 + i, 'zh-Hant');
      formatPercent(i % 100, 'zh-Hant');
      formatRelativeTime(at.toISOString(), new Date(at.getTime() + 300_000 + i), 'zh-Hant');
    }
    expect(cachedFormatterCount()).toBe(afterFirst);
  });

  it('stays bounded: past the limit the oldest formatter goes', () => {
    const first = numberFormat('en', { minimumIntegerDigits: 1, maximumFractionDigits: 0 });
    // 21 x 21 distinct option sets, more than the cache keeps.
    for (let integers = 1; integers <= 21; integers++) for (let fractions = 0; fractions <= 20; fractions++) numberFormat('en', { minimumIntegerDigits: integers, maximumFractionDigits: fractions });
    expect(cachedFormatterCount()).toBe(MAX_FORMATTERS);
    expect(numberFormat('en', { minimumIntegerDigits: 1, maximumFractionDigits: 0 })).not.toBe(first);
    expect(numberFormat('en', { minimumIntegerDigits: 3, maximumFractionDigits: 2 }).format(7.125)).toBe('007.13');
  });
});

describe('renderer code builds no Intl formatter of its own', () => {
  it('has no `new Intl.*` or toLocale*String outside the formatter cache', () => {
    const root = fileURLToPath(new URL('../../../renderer/src', import.meta.url));
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : []));
    })(root);
    const offenders = files
      .filter((file) => !file.endsWith(join('i18n', 'formatters.ts')))
      .filter((file) => /new Intl\.|\.toLocale(Date|Time)?String\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
