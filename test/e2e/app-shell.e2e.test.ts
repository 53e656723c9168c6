import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { E2E_PASSPHRASE, openApp } from '../support/page-helpers';
import { startServeFixture } from '../support/serve-fixture';
import type { ServeFixture } from '../support/serve-fixture';

const rendererDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');

let browser: Browser;
let fixture: ServeFixture;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  fixture = await startServeFixture(rendererDir);
  ({ context, page, pageErrors } = await openApp(browser, fixture.host.url));
});
afterEach(async () => {
  await context?.close();
  await fixture?.stop();
});

describe('Outpost in Chromium against the headless host', () => {
  it('loads the app, drops the token from the address bar and shows data from main', async () => {
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected' }).count()).toBe(1);
    expect(await page.getByTestId('app-version').textContent()).toBe('Version 0.0.0-test (browser host)');
    expect(pageErrors).toEqual([]);
  });

  it('round-trips a contract call: a language change is saved by main and re-renders every string', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('main').getByLabel('Language').selectOption('zh-Hant');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: '設定' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: '設定已儲存。' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    const saved = JSON.parse(await readFile(join(fixture.dataDir, 'settings.json'), 'utf8')) as { locale: string };
    expect(saved.locale).toBe('zh-Hant');
  });

  it('refuses an invalid payload sent from the page with a clear error', async () => {
    const result = await page.evaluate(async (token) => {
      const socket = new WebSocket(`ws://${location.host}/ipc`, ['outpost-ipc.v1', `auth.${token}`]);
      await new Promise((resolve) => socket.addEventListener('open', resolve));
      socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'settings:update', payload: { locale: 'klingon' } }));
      const frame = await new Promise<string>((resolve) => socket.addEventListener('message', (e) => resolve(String(e.data))));
      socket.close();
      return JSON.parse(frame) as unknown;
    }, fixture.host.token);
    expect(result).toMatchObject({ type: 'result', id: 1, result: { ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/^settings:update: locale: /) } } });
  });

  it('keeps a Dexie write across a page reload', async () => {
    await page.getByRole('link', { name: 'VR library' }).click();
    await page.getByLabel('Title').fill('Chemistry Lab VR');
    await page.getByLabel('Version').fill('2.1.0');
    await page.getByLabel('Quest 3', { exact: true }).check();
    await page.getByRole('button', { name: 'Add package' }).click();
    await page.getByRole('status').filter({ hasText: '“Chemistry Lab VR” was added.' }).waitFor();
    await page.reload();
    // A reload opens a new connection to main, and an instructor session belongs to its connection.
    await page.getByRole('heading', { name: 'For instructors' }).waitFor();
    await page.getByLabel('Instructor passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Sign in as instructor' }).click();
    const row = page.getByTestId('package-table').getByRole('row', { name: /Chemistry Lab VR/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('2.1.0');
    await page.getByRole('link', { name: 'Overview' }).click();
    // The count is a live query, so it may render "0" first; wait for the value rather than read once.
    await page.getByTestId('package-count').filter({ hasText: '1 VR package in the library' }).waitFor();
  });

  it('shows field errors for bad input and saves nothing', async () => {
    await page.getByRole('link', { name: 'VR library' }).click();
    await page.getByRole('button', { name: 'Add package' }).click();
    expect(await page.getByRole('alert').allTextContents()).toEqual(['Enter a title.', 'Enter a version, for example 1.0.0.', 'Choose at least one headset model.']);
    expect(await page.getByText('No VR packages yet.').count()).toBe(1);
  });

  it('blocks network access from the renderer by CSP', async () => {
    const violation = await page.evaluate(async () => {
      const seen = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective)));
      await fetch('https://example.invalid/').catch(() => undefined);
      return seen;
    });
    expect(violation).toBe('connect-src');
  });
});
