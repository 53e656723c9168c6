import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { safeStorage } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
const { safeStorageSecrets, storageWeakness } = await import('../../../main/app/safe-storage-secrets');

const value = { origin: 'https://api.example.org', token: 'device-token-0123456789' };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-safe-'));
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('safeStorage secrets', () => {
  it('encrypts with a real keychain, in a 0600 file, and reads the bound token back', async () => {
    const store = safeStorageSecrets(dir);
    await store.set(value);
    const file = join(dir, 'remote-token.bin');
    expect((await readFile(file)).toString()).not.toContain(value.token);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await store.get()).toEqual(value);
  });

  it.each([
    ['linux', 'basic_text', true, 'basic_text'],
    ['linux', 'gnome_libsecret', false, 'unavailable'],
    ['win32', 'unknown', true, null],
  ] as const)('on %s with backend %s (available: %s) judges the storage %s', (platform, backend, available, weakness) => {
    safeStorage.backend = backend;
    safeStorage.available = available;
    expect(storageWeakness(safeStorage as never, platform)).toBe(weakness);
  });

  it("refuses Linux's basic_text backend unless the user agreed, then keeps the token", async () => {
    safeStorage.backend = 'basic_text';
    const store = safeStorageSecrets(dir, safeStorage as never, 'linux');
    await expect(store.set(value)).rejects.toMatchObject({ code: 'INSECURE_STORAGE', details: { backend: 'basic_text' } });
    expect(await store.get()).toBeNull();
    await store.set(value, { allowPlainText: true });
    expect(await store.get()).toEqual(value);
  });

  it('without any encryption stores plain text only with consent, and says so in the file', async () => {
    safeStorage.available = false;
    const store = safeStorageSecrets(dir, safeStorage as never, 'linux');
    await expect(store.set(value, { allowPlainText: false })).rejects.toMatchObject({ code: 'INSECURE_STORAGE', details: { backend: 'unavailable' } });
    await store.set(value, { allowPlainText: true });
    expect((await readFile(join(dir, 'remote-token.bin'))).toString()).toMatch(/^outpost-plain-text\n/);
    expect(await store.get()).toEqual(value);
  });
});
