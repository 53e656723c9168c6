import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { syncStatusText } from '../../../renderer/src/sync-ui/sync-status-text';
import type { SyncSnapshot } from '../../../renderer/src/sync/sync-scheduler';

const base: SyncSnapshot = { state: 'idle', pending: 0, dead: 0, progress: null, lastSuccessAt: null, lastError: null, remote: null };
const snap = (patch: Partial<SyncSnapshot>): SyncSnapshot => ({ ...base, ...patch });

describe('syncStatusText', () => {
  it.each([
    [snap({ state: 'unconfigured' }), 'unconfigured', 'quiet'],
    [snap({ state: 'offline', pending: 2 }), 'offline', 'quiet'],
    [snap({ state: 'paused_auth', pending: 1 }), 'pausedAuth', 'attention'],
    [snap({ state: 'draining', pending: 3, progress: { delivered: 1, total: 3 } }), 'draining', 'busy'],
    [snap({ state: 'idle' }), 'upToDate', 'ok'],
    // Idle with something queued: it waits for a retry time or a refused operation it depends on.
    [snap({ state: 'idle', pending: 4 }), 'waiting', 'busy'],
  ] as const)('%o reads %s', (snapshot, key, tone) => {
    expect(syncStatusText(snapshot)).toMatchObject({ key, tone });
  });

  it('adds the waiting count where the state does not already say it, and refused ones always', () => {
    expect(syncStatusText(snap({ state: 'offline', pending: 2 }))).toMatchObject({ showPending: true, showDead: false });
    expect(syncStatusText(snap({ state: 'idle', pending: 2 }))).toMatchObject({ showPending: false });
    expect(syncStatusText(snap({ state: 'offline' }))).toMatchObject({ showPending: false });
    expect(syncStatusText(snap({ state: 'idle', dead: 1 }))).toMatchObject({ key: 'upToDate', showDead: true });
  });

  it('is worded in every UI language, with plurals', async () => {
    const text = async (locale: 'en' | 'zh-Hans' | 'zh-Hant', snapshot: SyncSnapshot) => {
      const i18n = await createI18n(locale);
      return i18n.t(`sync.state.${syncStatusText(snapshot).key}`, { count: snapshot.pending });
    };
    expect(await text('en', snap({ state: 'unconfigured' }))).toBe('Not set up');
    expect(await text('en', snap({ state: 'offline' }))).toBe('Offline — will sync when the API answers');
    expect(await text('en', snap({ state: 'paused_auth' }))).toBe('Sign in again to sync');
    expect(await text('en', snap({ state: 'draining' }))).toBe('Syncing…');
    expect(await text('en', snap({ state: 'idle' }))).toBe('Up to date');
    expect(await text('en', snap({ state: 'idle', pending: 1 }))).toBe('1 waiting');
    expect(await text('en', snap({ state: 'idle', pending: 3 }))).toBe('3 waiting');
    expect(await text('zh-Hans', snap({ state: 'idle', pending: 3 }))).toBe('3 项等待中');
    expect(await text('zh-Hant', snap({ state: 'paused_auth' }))).toBe('請重新登入以繼續同步');
  });
});
