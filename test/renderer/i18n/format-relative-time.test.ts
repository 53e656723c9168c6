import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from '../../../renderer/src/i18n/format-relative-time';

const now = new Date('2026-03-02T09:00:00.000Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('formatRelativeTime', () => {
  it('reads a fresh time as "now" and older ones in the largest fitting unit', () => {
    expect(formatRelativeTime(ago(10), now, 'en')).toBe('now');
    expect(formatRelativeTime(ago(5 * 60), now, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3600), now, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime(ago(26 * 3600), now, 'en')).toBe('yesterday');
    expect(formatRelativeTime(ago(90 * 86_400), now, 'en')).toBe('3 months ago');
  });

  it('rounds up to the next unit instead of saying "60 minutes"', () => {
    expect(formatRelativeTime(ago(59 * 60 + 50), now, 'en')).toBe('1 hour ago');
  });

  it('speaks the UI language', () => {
    expect(formatRelativeTime(ago(5 * 60), now, 'zh-Hans')).toBe('5分钟前');
    expect(formatRelativeTime(ago(5 * 60), now, 'zh-Hant')).toBe('5 分鐘前');
    expect(formatRelativeTime(ago(10), now, 'zh-Hans')).toBe('现在');
  });

  it('handles a clock that is behind, and unreadable input', () => {
    expect(formatRelativeTime(ago(-120), now, 'en')).toBe('in 2 minutes');
    expect(formatRelativeTime('whenever', now, 'en')).toBe('whenever');
  });
});
