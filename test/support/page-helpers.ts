import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Sidebar links only: pages have their own links to the same places. */
export function navLink(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true });
}

/** A file for setInputFiles, from an object (as JSON) or raw text. */
export function jsonFile(name: string, content: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)) };
}

/** Reads a Dexie table straight from IndexedDB in the page, to prove what was (not) written. */
export function readStore(page: Page, store: string): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    (name) =>
      new Promise((resolveRows, reject) => {
        const open = indexedDB.open('outpost');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolveRows(request.result as Array<Record<string, unknown>>);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

export interface OpenedApp {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors in the page; a test may assert there were none. */
  readonly pageErrors: string[];
}

/** A fresh browser context on the app's printed URL, waiting until the overview has rendered. */
export async function openApp(browser: Browser, url: string, options: { timezoneId?: string } = {}): Promise<OpenedApp> {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  return { context, page, pageErrors };
}
