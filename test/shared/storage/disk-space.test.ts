import { describe, expect, it } from 'vitest';
import { BROWSER_QUOTA_RULE, GIB, HEADSET_RULE, KIOSK_DISK_RULE, MIB, storageLevel } from '../../../shared/storage/disk-space';

describe('storageLevel', () => {
  it('kiosk disk: low under 10 % or 5 GiB, critical under 1 GiB', () => {
    expect(storageLevel(50 * GIB, 200 * GIB, KIOSK_DISK_RULE)).toBe('ok');
    expect(storageLevel(19 * GIB, 200 * GIB, KIOSK_DISK_RULE)).toBe('low');
    expect(storageLevel(4 * GIB, 32 * GIB, KIOSK_DISK_RULE)).toBe('low');
    expect(storageLevel(0.9 * GIB, 200 * GIB, KIOSK_DISK_RULE)).toBe('critical');
  });

  it('headset: low under 4 GiB or 10 %, critical under 2 GiB', () => {
    expect(storageLevel(30 * GIB, 128 * GIB, HEADSET_RULE)).toBe('ok');
    expect(storageLevel(3 * GIB, 128 * GIB, HEADSET_RULE)).toBe('low');
    expect(storageLevel(1.5 * GIB, 128 * GIB, HEADSET_RULE)).toBe('critical');
  });

  it('browser quota: by share first, bytes last; an unknown total only uses bytes', () => {
    expect(storageLevel(900 * MIB, 1000 * MIB, BROWSER_QUOTA_RULE)).toBe('ok');
    expect(storageLevel(150 * MIB, 1000 * MIB, BROWSER_QUOTA_RULE)).toBe('low');
    expect(storageLevel(10 * MIB, 1000 * MIB, BROWSER_QUOTA_RULE)).toBe('critical');
    expect(storageLevel(300 * MIB, 0, BROWSER_QUOTA_RULE)).toBe('ok');
  });
});
