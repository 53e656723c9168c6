import { describe, expect, it } from 'vitest';
import { IpcFailure } from '../../../shared/ipc/result';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../shared/settings';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import type { CallContext, HandlerMap } from '../../../main/ipc/handler-map';

const context: CallContext = { transport: 'websocket', senderId: 'test' };
const appInfo = { name: 'Outpost', version: '1.2.3', host: 'serve' as const, platform: 'linux', startedAt: '2026-01-01T00:00:00.000Z' };

const unused = async (): Promise<never> => {
  throw new Error('not called in these tests');
};

function handlers(overrides: Partial<HandlerMap> = {}): HandlerMap {
  const calls: unknown[] = [];
  return {
    'headsets:list': unused,
    'headsets:refresh': unused,
    'headsets:connect': unused,
    'headsets:pair': unused,
    'headsets:launch': unused,
    'headsets:uninstall': unused,
    'sideload:start': unused,
    'sideload:cancel': unused,
    'sideload:jobs': unused,
    'sideload:resume': unused,
    'cast:status': unused,
    'cast:tiles': unused,
    'cast:start': unused,
    'cast:stop': unused,
    'cast:pause': unused,
    'cast:focus': unused,
    'cast:pull': unused,
    'cast:details': unused,
    'packages:stored': unused,
    'remote:request': unused,
    'remote:status': unused,
    'remote:set-token': unused,
    'remote:sign-out': unused,
    'lrs:get': unused,
    'lrs:set': unused,
    'lrs:clear': unused,
    'lrs:status': unused,
    'packages:upload-ticket': unused,
    'scorm:sign-launch': unused,
    'scorm:delete-course': unused,
    'instructor:status': unused,
    'instructor:setup': unused,
    'instructor:sign-in': unused,
    'instructor:sign-out': unused,
    'instructor:change-secret': unused,
    'headset-api:attach': unused,
    'headset-api:respond': unused,
    'storage:status': unused,
    'scorm-lan:status': unused,
    'scorm-lan:configure': unused,
    'scorm-lan:attach': unused,
    'scorm-lan:respond': unused,
    'scorm-lan:deliver': unused,
    'app:info': async () => appInfo,
    'settings:get': async () => DEFAULT_SETTINGS,
    'settings:update': async (patch) => {
      calls.push(patch);
      return settingsSchema.parse({ ...DEFAULT_SETTINGS, ...patch });
    },
    ...overrides,
  };
}

describe('createDispatcher', () => {
  it('round-trips a valid call', async () => {
    const dispatch = createDispatcher(handlers());
    expect(await dispatch('settings:update', { locale: 'zh-Hant' }, context)).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, locale: 'zh-Hant' },
    });
  });

  it('refuses an invalid payload before the handler runs, naming the field', async () => {
    let ran = false;
    const dispatch = createDispatcher(
      handlers({
        'settings:update': async () => {
          ran = true;
          return DEFAULT_SETTINGS;
        },
      }),
    );
    const result = await dispatch('settings:update', { locale: 'fr' }, context);
    expect(ran).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_ERROR');
    expect(result.error.message).toMatch(/^settings:update: locale: /);
    expect(result.error.details).toEqual([expect.objectContaining({ path: 'locale' })]);
  });

  it('refuses unknown channels', async () => {
    const result = await createDispatcher(handlers())('fs:read', { path: '/etc/passwd' }, context);
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel: fs:read' } });
  });

  it('returns handler failures as values', async () => {
    const dispatch = createDispatcher(
      handlers({
        'settings:get': async () => {
          throw new IpcFailure('UNAVAILABLE', 'Disk is read-only');
        },
      }),
    );
    expect(await dispatch('settings:get', {}, context)).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'Disk is read-only' } });
  });

  it('hides unexpected errors and reports them', async () => {
    const reported: string[] = [];
    const dispatch = createDispatcher(
      handlers({
        'app:info': async () => {
          throw new Error('secret stack detail');
        },
      }),
      { onInternalError: (channel) => reported.push(channel) },
    );
    const result = await dispatch('app:info', {}, context);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'app:info: unexpected error' } });
    expect(reported).toEqual(['app:info']);
  });

  it('catches a handler that returns a malformed response', async () => {
    const dispatch = createDispatcher(handlers({ 'app:info': async () => ({ ...appInfo, host: 'toaster' }) as never }));
    const result = await dispatch('app:info', {}, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
  });
});
