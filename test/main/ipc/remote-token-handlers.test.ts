import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import { createHandlers } from '../../../main/ipc/handlers';
import type { HandlerDeps } from '../../../main/ipc/handlers';
import type { DeviceToken, SecretStore, StoreOptions } from '../../../main/services/remote/secret-store';

const TOKEN = 'device-token-secret-42';
const instructor = { transport: 'electron' as const, senderId: 'wc-1' };
const status = { configured: true, reachable: true, signed_in: true, checked_at: '2026-03-01T09:00:00.000Z' };

function setup(apiBaseUrl: string | null, set: (value: DeviceToken, options?: StoreOptions) => Promise<void>) {
  const stored: DeviceToken[] = [];
  const secrets: SecretStore = {
    get: async () => stored.at(-1) ?? null,
    set: async (value, options) => {
      await set(value, options);
      stored.push(value);
    },
    clear: async () => undefined,
  };
  const logged: unknown[] = [];
  const deps = { settings: { get: async () => ({ ...DEFAULT_SETTINGS, apiBaseUrl }) }, secrets, remoteStatus: { check: async () => status } } as unknown as HandlerDeps;
  const dispatch = createDispatcher(createHandlers(deps), { isInstructor: () => true, onInternalError: (_channel, error) => logged.push(error) });
  return { dispatch, stored, logged };
}

describe('remote:set-token', () => {
  it('binds the token to the origin of the current API address', async () => {
    const h = setup('https://api.example.org/outpost/', async () => undefined);
    expect(await h.dispatch('remote:set-token', { token: TOKEN }, instructor)).toEqual({ ok: true, value: status });
    expect(h.stored).toEqual([{ origin: 'https://api.example.org', token: TOKEN }]);
  });

  it('needs an API address first', async () => {
    const h = setup(null, async () => undefined);
    expect(await h.dispatch('remote:set-token', { token: TOKEN }, instructor)).toMatchObject({ ok: false, error: { code: 'API_URL_REQUIRED' } });
    expect(h.stored).toEqual([]);
  });

  it('passes the plain-text consent to the store and its INSECURE_STORAGE refusal back', async () => {
    const seen: Array<StoreOptions | undefined> = [];
    const { IpcFailure } = await import('../../../shared/ipc/result');
    const h = setup('https://api.example.org', async (_value, options) => {
      seen.push(options);
      if (!options?.allowPlainText) throw new IpcFailure('INSECURE_STORAGE', 'No keychain', { backend: 'basic_text' });
    });
    expect(await h.dispatch('remote:set-token', { token: TOKEN }, instructor)).toEqual({ ok: false, error: { code: 'INSECURE_STORAGE', message: 'No keychain', details: { backend: 'basic_text' } } });
    expect(await h.dispatch('remote:set-token', { token: TOKEN, allow_plain_text: true }, instructor)).toMatchObject({ ok: true });
    expect(seen).toEqual([{ allowPlainText: false }, { allowPlainText: true }]);
  });

  it('never lets the token out through a storage failure, in the answer or the log', async () => {
    const h = setup('https://api.example.org', async (value) => {
      throw new Error(`keyring rejected ${value.token}`);
    });
    const result = await h.dispatch('remote:set-token', { token: TOKEN }, instructor);
    expect(result).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'The token could not be stored on this computer' } });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(h.logged).toEqual([]);
  });
});
