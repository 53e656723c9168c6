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

/** The passphrase end-to-end tests give a new kiosk at first run. */
export const E2E_PASSPHRASE = 'seven blue kites';

/**
 * A fresh browser context on the app's printed URL. A new kiosk asks for the instructor passphrase first;
 * unless `setup: false`, this answers it (which leaves the page in instructor mode) and waits for the
 * overview.
 */
export async function openApp(browser: Browser, url: string, options: { timezoneId?: string; setup?: boolean; fakeClock?: boolean } = {}): Promise<OpenedApp> {
  const { setup = true, fakeClock = false, ...contextOptions } = options;
  const context = await browser.newContext({ locale: 'en-US', ...contextOptions });
  const page = await context.newPage();
  // Time still flows; the test can jump it forward (idle sign-out) without waiting minutes.
  if (fakeClock) await page.clock.install();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  if (setup) {
    await page.getByRole('heading', { name: 'Set up this kiosk' }).waitFor();
    await page.getByLabel('New passphrase').fill(E2E_PASSPHRASE);
    await page.getByLabel('Repeat the passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByTestId('instructor-mode').waitFor();
  }
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  return { context, page, pageErrors };
}

/** Signs in as the instructor from the top bar (the page must not be in instructor mode already). */
export async function enterInstructorMode(page: Page, passphrase = E2E_PASSPHRASE): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: 'Instructor' }).click();
  await page.getByLabel('Instructor passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Sign in as instructor' }).click();
  await page.getByTestId('instructor-mode').waitFor();
}

export async function leaveInstructorMode(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Leave instructor mode' }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Instructor' }).waitFor();
}

/** The instructor imports a class list on the Class page and waits for the count. */
export async function importClassList(page: Page, roster: unknown, fileName = 'class.json'): Promise<void> {
  await navLink(page, 'Class').click();
  await page.getByLabel('Class list file (JSON)').setInputFiles(jsonFile(fileName, roster));
  await page.getByRole('status').filter({ hasText: /learners? imported\./ }).waitFor();
}
