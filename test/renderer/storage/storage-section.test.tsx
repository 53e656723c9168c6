import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { UiLocale } from '../../../shared/i18n/locales';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { StorageFacts } from '../../../renderer/src/storage/storage-section';
import type { StorageStatus } from '../../../renderer/src/storage/use-storage-status';
import { diskOf } from './fake-main';

const MB = 1_000_000;
const healthy: StorageStatus = { persisted: true, quota: { usage: 12 * MB, quota: 2000 * MB }, disk: diskOf(100, 200), loaded: true };

async function render(status: StorageStatus, locale: UiLocale = 'en'): Promise<string> {
  const i18n = await createI18n(locale);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <StorageFacts status={status} onAskPersistence={() => undefined} />
    </I18nextProvider>,
  );
}

/** The text of the element carrying data-testid (its tags dropped). */
function testId(html: string, id: string): string | null {
  const match = new RegExp(`data-testid="${id}"[^>]*>(.*?)</(dd|p)>`).exec(html);
  return match ? match[1]!.replace(/<[^>]+>/g, '') : null;
}

describe('StorageFacts (Settings, Storage)', () => {
  it('shows the persistence the browser granted, app data used of quota, and the disk, without warnings when all is fine', async () => {
    const html = await render(healthy);
    expect(testId(html, 'storage-persisted')).toBe('Kept permanently: the browser will not clear them when the disk runs short');
    expect(testId(html, 'storage-quota')).toBe('12 MB used of 2 GB available');
    expect(testId(html, 'storage-disk')).toMatch(/^107\.4 GB free of 214\.7 GB$/);
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('Ask again');
  });

  it('says when persistence was refused and offers to ask again', async () => {
    const html = await render({ ...healthy, persisted: false });
    expect(testId(html, 'storage-persisted')).toContain('Not protected');
    expect(html).toContain('Ask again to keep them permanently');
  });

  it('says unknown where nothing could be read', async () => {
    const html = await render({ persisted: null, quota: null, disk: null, loaded: true });
    expect(testId(html, 'storage-persisted')).toBe('Unknown (this browser does not say)');
    expect(testId(html, 'storage-quota')).toBe('Unknown');
    expect(testId(html, 'storage-disk')).toBe('Unknown');
    expect(html).not.toContain('role="alert"');
  });

  it('warns when the kiosk disk is low, and louder when it is critical', async () => {
    const low = await render({ ...healthy, disk: diskOf(4, 200) });
    expect(low).toMatch(/role="alert" class="warning" data-level="low">The kiosk disk is getting full \(4\.3 GB free\)/);
    const critical = await render({ ...healthy, disk: diskOf(0.5, 200) });
    expect(critical).toMatch(/role="alert" class="error" data-level="critical">The kiosk disk is almost full \(536\.9 MB free\)/);
    expect(critical).not.toContain('getting full');
  });

  it('warns when the app data nears the browser quota', async () => {
    const low = await render({ ...healthy, quota: { usage: 1900 * MB, quota: 2000 * MB } });
    expect(low).toContain('nearly at the browser’s limit');
    const critical = await render({ ...healthy, quota: { usage: 1990 * MB, quota: 2000 * MB } });
    expect(critical).toContain('at the browser’s limit: new records may fail');
  });

  it('speaks both Chinese scripts', async () => {
    for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
      const i18n = await createI18n(locale);
      const html = await render({ ...healthy, disk: diskOf(0.5, 200) }, locale);
      expect(html).toContain(i18n.t('storage.persistence.granted'));
      expect(html).toContain(i18n.t('storage.disk.critical', { free: '\u0000' }).split('\u0000')[0]);
      expect(i18n.t('storage.persistence.granted')).toMatch(/\p{Script=Han}/u);
    }
  });
});
