import { describe, expect, it } from 'vitest';
import { TITLE_MAX, checkManualPackage } from '../../../renderer/src/library/manual-package-form';

describe('checkManualPackage', () => {
  it('trims and accepts a complete entry, keeping only known platforms', () => {
    expect(checkManualPackage({ title: '  Safety VR ', version: ' 1.0.0', platforms: ['quest3', 'vive'] })).toEqual({
      ok: true,
      value: { title: 'Safety VR', version: '1.0.0', target_platforms: ['quest3'] },
    });
  });

  it('reports every missing field at once', () => {
    expect(checkManualPackage({ title: ' ', version: '', platforms: ['vive'] })).toEqual({
      ok: false,
      errors: { title: 'titleRequired', version: 'versionRequired', platforms: 'platformsRequired' },
    });
  });

  it('refuses an over-long title', () => {
    const result = checkManualPackage({ title: 'x'.repeat(TITLE_MAX + 1), version: '1', platforms: ['quest2'] });
    expect(result).toEqual({ ok: false, errors: { title: 'titleTooLong' } });
  });
});
