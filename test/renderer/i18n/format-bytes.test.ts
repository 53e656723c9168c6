import { describe, expect, it } from 'vitest';
import { formatBytes, formatPercent } from '../../../renderer/src/i18n/format-bytes';

describe('formatBytes', () => {
  it('counts in decimal units, one decimal from megabytes up', () => {
    expect(formatBytes(950, 'en')).toBe('950 byte');
    expect(formatBytes(8_388_608, 'en')).toBe('8.4 MB');
    expect(formatBytes(96_636_764_160, 'en')).toBe('96.6 GB');
    expect(formatBytes(1_250_000_000_000, 'en')).toBe('1.3 TB');
  });

  it('writes numbers the UI language’s way', () => {
    expect(formatBytes(1_234_000_000_000_000, 'en')).toBe('1,234 TB');
    expect(formatBytes(8_388_608, 'zh-Hans')).toBe('8.4 MB');
  });
});

describe('formatPercent', () => {
  it('formats a whole percentage', () => {
    expect(formatPercent(80, 'en')).toBe('80%');
    expect(formatPercent(7, 'zh-Hant')).toBe('7%');
  });
});
