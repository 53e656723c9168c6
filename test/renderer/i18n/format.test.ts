import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber } from '../../../renderer/src/i18n/format';

const at = '2026-03-02T09:45:00.000Z';

describe('UI formatting', () => {
  it('formats dates in the UI language', () => {
    expect(formatDateTime(at, 'en', 'UTC')).toBe('Mar 2, 2026, 9:45 AM');
    expect(formatDateTime(at, 'zh-Hans', 'Asia/Shanghai')).toContain('2026年3月2日');
    expect(formatDateTime(at, 'zh-Hant', 'Asia/Taipei')).toContain('2026年3月2日');
  });

  it('shows an unreadable timestamp as it is rather than "Invalid Date"', () => {
    expect(formatDateTime('yesterday', 'en')).toBe('yesterday');
  });

  it('formats numbers with at most two decimals', () => {
    expect(formatNumber(69.5, 'en')).toBe('69.5');
    expect(formatNumber(1 / 3, 'zh-Hant')).toBe('0.33');
    expect(formatNumber(1800, 'en')).toBe('1,800');
  });
});
