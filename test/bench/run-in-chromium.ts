import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BenchPage {
  readonly page: Page;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Opens a benchmark page where the app runs: the page script (imports resolved from the repository root)
 * is bundled, served from loopback to Debian's Chromium, and its functions (set on `window`) are then
 * called with page.evaluate. Native IndexedDB, not fake-indexeddb, is what these figures measure.
 * `ready` names a window function whose presence means the script has run.
 */
export async function openBenchPage(pageScript: string, name: string, ready = 'runBench'): Promise<BenchPage> {
  const bundle = await build({
    stdin: { contents: pageScript, resolveDir: ROOT, sourcefile: `${name}-page.js`, loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><script src="/bench.js"></script>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    await new Promise((done) => server.close(done));
  };
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(30 * 60_000);
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction((fn) => typeof (window as unknown as Record<string, unknown>)[fn] === 'function', ready);
    return { page, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens the page, runs `window.runBench(options)` and returns its result. */
export async function runInChromium<O, R>(pageScript: string, name: string, options: O): Promise<R> {
  const { page, close } = await openBenchPage(pageScript, name);
  try {
    return await page.evaluate((o) => (window as unknown as { runBench: (o: unknown) => Promise<R> }).runBench(o), options as unknown);
  } finally {
    await close();
  }
}
