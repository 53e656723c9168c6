import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { DiskSpace } from '../../../shared/storage/disk-space';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { KioskDiskNotice } from '../../../renderer/src/storage/kiosk-disk-banner';
import { diskOf } from './fake-main';

async function render(disk: DiskSpace | null, locale: 'en' | 'zh-Hans' | 'zh-Hant' = 'en'): Promise<string> {
  const i18n = await createI18n(locale);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <KioskDiskNotice disk={disk} />
    </I18nextProvider>,
  );
}

describe('KioskDiskNotice (the instructor banner above every page)', () => {
  it('says nothing while the disk is fine or main does not say', async () => {
    expect(await render(diskOf(100, 200))).toBe('');
    expect(await render(null)).toBe('');
  });

  it('warns when the kiosk disk is low, with a link to Settings', async () => {
    const html = await render(diskOf(4, 200));
    expect(html).toContain('role="status" class="notice disk-banner" data-testid="kiosk-disk-banner" data-level="low"');
    expect(html).toContain('The kiosk disk is getting full (4.3 GB free)');
    expect(html).toContain('<a href="#/settings">See storage in Settings</a>');
    expect(html).not.toContain('notice-danger');
  });

  it('says so louder when it is critical', async () => {
    const html = await render(diskOf(0.5, 200));
    expect(html).toContain('data-level="critical"');
    expect(html).toContain('notice-danger');
    expect(html).toContain('The kiosk disk is almost full (536.9 MB free)');
  });

  it('speaks both Chinese scripts', async () => {
    for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
      const i18n = await createI18n(locale);
      const html = await render(diskOf(0.5, 200), locale);
      expect(html).toContain(i18n.t('storage.banner.open'));
      expect(i18n.t('storage.banner.open')).toMatch(/\p{Script=Han}/u);
    }
  });
});
