import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { UiLocale } from '../../../shared/i18n/locales';
import type { VrSession } from '../../../shared/schemas/vr-session';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { SessionCard } from '../../../renderer/src/sessions/session-card';

const completed: VrSession = {
  id: '0b8f3d4e-1c2a-4f5b-9d6e-7a8b9c0d1e2f',
  package_id: '1c9e4f5a-2d3b-4a6c-8e7f-8b9c0d1e2f3a',
  activity_id: null,
  tenant_id: '2dafa06b-3e4c-4b7d-9f80-9c0d1e2f3a4b',
  user_id: '3eb0b17c-4f5d-4c8e-8a91-0d1e2f3a4b5c',
  status: 'completed',
  completion_mode: 'auto_detect',
  attempts: 1,
  download_started_at: '2026-03-02T09:00:00.000Z',
  download_completed_at: '2026-03-02T09:01:00.000Z',
  first_launch_at: '2026-03-02T09:02:00.000Z',
  completed_at: '2026-03-02T09:12:00.000Z',
  score: { raw: 80, max: 100, scaled: 0.8 },
  success_status: 'passed',
  time_spent_seconds: 600,
  self_reported: false,
  created_at: '2026-03-02T09:00:00.000Z',
  package: { id: '1c9e4f5a-2d3b-4a6c-8e7f-8b9c0d1e2f3a', title: 'Safety VR', version: '1.0.7', target_platforms: ['quest3'] },
};

/** Only completed sessions here: an open one also renders the completion form, which needs the app's services. */
async function render(session: VrSession, locale: UiLocale = 'en'): Promise<string> {
  const i18n = await createI18n(locale);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <SessionCard session={session} />
    </I18nextProvider>,
  );
}

describe('SessionCard: who completed an auto_detect session', () => {
  it('says "Completed by the headset" when the headset reported it, with its score and result', async () => {
    const html = await render(completed);
    expect(html).toContain('data-testid="completed-by-headset"');
    expect(html).toContain('Completed by the headset');
    expect(html).toContain('80 of 100');
    expect(html).toContain('Passed');
    // The "the headset reports it" hint is for sessions still open.
    expect(html).not.toContain('data-testid="headset-reports"');
  });

  it('says nothing of the headset when the learner marked an auto_detect session done by hand', async () => {
    const html = await render({ ...completed, self_reported: true });
    expect(html).not.toContain('completed-by-headset');
  });

  it('says nothing of the headset for a session the learner scored', async () => {
    const html = await render({ ...completed, completion_mode: 'score_entry', self_reported: true });
    expect(html).not.toContain('completed-by-headset');
  });

  it('speaks both Chinese scripts', async () => {
    const zhHans = await createI18n('zh-Hans');
    const zhHant = await createI18n('zh-Hant');
    expect(await render(completed, 'zh-Hans')).toContain(zhHans.t('sessions.completedByHeadset'));
    expect(await render(completed, 'zh-Hant')).toContain(zhHant.t('sessions.completedByHeadset'));
    expect(zhHans.t('sessions.completedByHeadset')).not.toBe('Completed by the headset');
    expect(zhHant.t('sessions.completedByHeadset')).not.toBe('Completed by the headset');
  });
});
