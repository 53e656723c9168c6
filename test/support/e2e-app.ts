import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchChromium } from './chromium';
import { openApp } from './page-helpers';
import { startServeFixture } from './serve-fixture';
import type { ServeFixture } from './serve-fixture';

/** The built renderer that `npm run build:renderer` leaves for the end-to-end tests (OUTPOST_RENDERER_DIR if set, as for the build). */
export const RENDERER_DIR = process.env['OUTPOST_RENDERER_DIR']
  ? resolve(process.env['OUTPOST_RENDERER_DIR'])
  : resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');

export interface E2eApp {
  readonly browser: Browser;
  readonly fixture: ServeFixture;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors in the page; a test may assert there were none. */
  readonly pageErrors: string[];
}

/**
 * One Chromium for the file and, for each test, a fresh serve host (own data folder) and a fresh browser
 * context on it, set up as a new kiosk (see openApp). Read the fields inside tests: they change per test.
 */
export function useAppPerTest(options: Parameters<typeof openApp>[2] = {}): E2eApp {
  let browser: Browser | undefined;
  let current: Omit<E2eApp, 'browser'> | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    const fixture = await startServeFixture(RENDERER_DIR);
    current = { fixture, ...(await openApp(browser, fixture.host.url, options)) };
  });
  afterEach(async () => {
    await current?.context.close();
    await current?.fixture.stop();
    current = undefined;
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useAppPerTest: read the app inside a test');
    return value;
  };
  return {
    get browser() {
      return need(browser);
    },
    get fixture() {
      return need(current).fixture;
    },
    get context() {
      return need(current).context;
    },
    get page() {
      return need(current).page;
    },
    get pageErrors() {
      return need(current).pageErrors;
    },
  };
}
