import { describe, expect, it } from 'vitest';
import { TITLE_MAX, VERSION_MAX, checkManualPackage } from '../../../renderer/src/library/manual-package-form';

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

describe('checkManualPackage: lengths as a person counts them', () => {
  it('counts the title in characters: emoji at the limit pass', () => {
    const title = '🥽'.repeat(TITLE_MAX);
    expect(checkManualPackage({ title, version: '1', platforms: ['quest2'] })).toMatchObject({ ok: true, value: { title } });
    expect(checkManualPackage({ title: `${title}x`, version: '1', platforms: ['quest2'] })).toEqual({ ok: false, errors: { title: 'titleTooLong' } });
  });

  it('bounds the version string', () => {
    expect(checkManualPackage({ title: 'Safety', version: '9'.repeat(VERSION_MAX), platforms: ['quest2'] }).ok).toBe(true);
    expect(checkManualPackage({ title: 'Safety', version: '9'.repeat(VERSION_MAX + 1), platforms: ['quest2'] })).toEqual({ ok: false, errors: { version: 'versionTooLong' } });
  });
});
