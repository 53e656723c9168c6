import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAppPerTest } from '../support/e2e-app';
import { E2E_PASSPHRASE } from '../support/page-helpers';

const app = useAppPerTest();

describe('Outpost in Chromium against the headless host', () => {
  it('loads the app, drops the token from the address bar and shows data from main', async () => {
    expect(app.page.url()).not.toContain('token=');
    await expect.poll(() => app.page.getByRole('status').filter({ hasText: 'Connected' }).count()).toBe(1);
    expect(await app.page.getByTestId('app-version').textContent()).toBe('Version 0.0.0-test (browser host)');
    expect(app.pageErrors).toEqual([]);
  });

  it('round-trips a contract call: a language change is saved by main and re-renders every string', async () => {
    await app.page.getByRole('link', { name: 'Settings' }).click();
    await app.page.getByRole('main').getByLabel('Language').selectOption('zh-Hant');
    await app.page.getByRole('button', { name: 'Save' }).click();
    await app.page.getByRole('heading', { name: '設定' }).waitFor();
    expect(await app.page.getByRole('status').filter({ hasText: '設定已儲存。' }).count()).toBe(1);
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    const saved = JSON.parse(await readFile(join(app.fixture.dataDir, 'settings.json'), 'utf8')) as { locale: string };
    expect(saved.locale).toBe('zh-Hant');
  });

  it('refuses an invalid payload sent from the page with a clear error', async () => {
    const result = await app.page.evaluate(async (token) => {
      const socket = new WebSocket(`ws://${location.host}/ipc`, ['outpost-ipc.v1', `auth.${token}`]);
      await new Promise((resolve) => socket.addEventListener('open', resolve));
      socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'settings:update', payload: { locale: 'klingon' } }));
      const frame = await new Promise<string>((resolve) => socket.addEventListener('message', (e) => resolve(String(e.data))));
      socket.close();
      return JSON.parse(frame) as unknown;
    }, app.fixture.host.token);
    expect(result).toMatchObject({ type: 'result', id: 1, result: { ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/^settings:update: locale: /) } } });
  });

  it('keeps a Dexie write across a page reload', async () => {
    await app.page.getByRole('link', { name: 'VR library' }).click();
    await app.page.getByLabel('Title').fill('Chemistry Lab VR');
    await app.page.getByLabel('Version').fill('2.1.0');
    await app.page.getByLabel('Quest 3', { exact: true }).check();
    await app.page.getByRole('button', { name: 'Add package' }).click();
    await app.page.getByRole('status').filter({ hasText: '“Chemistry Lab VR” was added.' }).waitFor();
    await app.page.reload();
    // A reload opens a new connection to main, and an instructor session belongs to its connection.
    await app.page.getByRole('heading', { name: 'For instructors' }).waitFor();
    await app.page.getByLabel('Instructor passphrase').fill(E2E_PASSPHRASE);
    await app.page.getByRole('button', { name: 'Sign in as instructor' }).click();
    const row = app.page.getByTestId('package-table').getByRole('row', { name: /Chemistry Lab VR/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('2.1.0');
    await app.page.getByRole('link', { name: 'Overview' }).click();
    // The count is a live query, so it may render "0" first; wait for the value rather than read once.
    await app.page.getByTestId('package-count').filter({ hasText: '1 VR package in the library' }).waitFor();
  });

  it('shows field errors for bad input and saves nothing', async () => {
    await app.page.getByRole('link', { name: 'VR library' }).click();
    await app.page.getByRole('button', { name: 'Add package' }).click();
    expect(await app.page.getByRole('alert').allTextContents()).toEqual(['Enter a title.', 'Enter a version, for example 1.0.0.', 'Choose at least one headset model.']);
    expect(await app.page.getByText('No VR packages yet.').count()).toBe(1);
  });

  it('blocks network access from the renderer by CSP', async () => {
    const violation = await app.page.evaluate(async () => {
      const seen = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective)));
      await fetch('https://example.invalid/').catch(() => undefined);
      return seen;
    });
    expect(violation).toBe('connect-src');
  });
});
