import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildApk } from '../fakes/apk-builder';
import type { ApkSpec, BuiltApk } from '../fakes/apk-builder';
import type { QuestHeadsetOptions } from '../fakes/quest-adbd';
import { launchChromium } from './chromium';
import { RENDERER_DIR } from './e2e-app';
import { openApp } from './page-helpers';
import { startServeFixture } from './serve-fixture';
import type { ServeFixture } from './serve-fixture';
import { startCartFixture } from './sideload-fixture';
import type { CartFixture } from './sideload-fixture';

export interface CartApp {
  readonly browser: Browser;
  readonly cart: CartFixture;
  readonly fixture: ServeFixture;
  readonly apk: BuiltApk;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly pageErrors: string[];
}

export interface CartAppOptions {
  readonly headsets: readonly QuestHeadsetOptions[];
  readonly apk: ApkSpec;
  /** Runs once the cart and the APK exist and before the app starts (faults, extra files). */
  readonly prepare?: (cart: CartFixture, apk: BuiltApk) => Promise<void>;
}

/**
 * One app for the whole file over a cart of emulated headsets on a private adb server: Chromium, the
 * cart, an APK to import, and a serve host tracking the cart, set up as a new kiosk (see openApp).
 * Read the fields inside tests.
 */
export function useCartApp(options: CartAppOptions): CartApp {
  let state: CartApp | undefined;
  beforeAll(async () => {
    const [browser, cart, apk] = await Promise.all([launchChromium(), startCartFixture(options.headsets), buildApk(options.apk)]);
    await options.prepare?.(cart, apk);
    const fixture = await startServeFixture(RENDERER_DIR, { adbPort: cart.adb.port });
    await fixture.services.startHeadsets();
    state = { browser, cart, apk, fixture, ...(await openApp(browser, fixture.host.url)) };
  });
  afterAll(async () => {
    await state?.context.close();
    await state?.browser.close();
    await state?.fixture.stop();
    await state?.cart.stop();
    if (state) await rm(dirname(state.apk.path), { recursive: true, force: true });
  });
  const need = (): CartApp => {
    if (!state) throw new Error('useCartApp: read the app inside a test');
    return state;
  };
  return {
    get browser() {
      return need().browser;
    },
    get cart() {
      return need().cart;
    },
    get fixture() {
      return need().fixture;
    },
    get apk() {
      return need().apk;
    },
    get context() {
      return need().context;
    },
    get page() {
      return need().page;
    },
    get pageErrors() {
      return need().pageErrors;
    },
  };
}
