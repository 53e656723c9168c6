import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogSeed, SEED_ALICE } from '../reference-server/catalog-seed';
import { startReferenceServer } from '../reference-server/server';
import type { ReferenceServer } from '../reference-server/server';
import { launchChromium } from '../support/chromium';
import { RENDERER_DIR } from '../support/e2e-app';
import { enterInstructorMode, leaveInstructorMode, navLink, openApp, readStore } from '../support/page-helpers';
import type { OpenedApp } from '../support/page-helpers';
import { startServeFixture } from '../support/serve-fixture';
import type { ServeFixture } from '../support/serve-fixture';

const DEVICE = 'kiosk-device';
/** Nothing listens here: the kiosk is offline as far as it can tell. */
const NOWHERE = 'http://127.0.0.1:9';

let browser: Browser;
let dir: string;
let server: ReferenceServer;
const kiosks: Array<{ fixture: ServeFixture; app: OpenedApp }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-transfer-e2e-'));
  [browser, server] = await Promise.all([launchChromium(), startReferenceServer({ dataDir: join(dir, 'server'), seed: defaultCatalogSeed() })]);
  // Two kiosks: their own serve host, data folder and browser context (so their own IndexedDB).
  for (let i = 0; i < 2; i++) {
    const fixture = await startServeFixture(RENDERER_DIR);
    kiosks.push({ fixture, app: await openApp(browser, fixture.host.url) });
  }
});
afterAll(async () => {
  for (const { fixture, app } of kiosks) {
    await app.context.close();
    await fixture.stop();
  }
  await browser?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function setAddress(page: Page, url: string) {
  await navLink(page, 'Sync').click();
  await page.getByLabel('API address').fill(url);
  await page.getByRole('button', { name: 'Save address' }).click();
  await page.getByRole('status').filter({ hasText: 'Address saved.' }).waitFor();
}

/** The instructor points the kiosk at the API, signs it in and downloads the class and library. */
async function goOnline(page: Page) {
  await setAddress(page, server.url);
  await page.getByLabel('Access token').fill(server.tokens.issue(DEVICE, { admin: true }));
  await page.getByRole('button', { name: 'Save token' }).click();
  await page.getByRole('status').filter({ hasText: 'Token accepted: signed in.' }).waitFor();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByTestId('catalog-pull').waitFor();
}

const aliceSessions = () => server.inspect.vrSessions().filter((s) => s.user_id === SEED_ALICE);
const transfer = (page: Page) => page.getByTestId('offline-transfer');

describe('offline transfer between two kiosks', () => {
  it('kiosk A (offline) exports what it has not sent, kiosk B imports it once and syncs it, and A’s later resends change nothing', async () => {
    const [a, b] = kiosks.map((k) => k.app.page) as [Page, Page];

    // Kiosk A was set up once, then lost the network for good.
    await goOnline(a);
    await setAddress(a, NOWHERE);
    await leaveInstructorMode(a);
    await a.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
    await a.getByRole('button', { name: 'Alice Wong' }).click();
    await a.getByRole('heading', { name: 'My VR sessions' }).waitFor();
    await a.getByTestId('start-table').getByRole('row', { name: /Safety Training VR/ }).getByRole('button', { name: 'Start' }).click();
    const card = a.getByRole('article', { name: 'Safety Training VR' });
    await card.getByRole('button', { name: 'Mark as completed' }).click();
    await card.getByText('Completed', { exact: true }).first().waitFor();

    // A learner cannot reach export or import: Settings asks for the instructor instead.
    await a.evaluate(() => {
      window.location.hash = '#/settings';
    });
    await a.getByRole('heading', { name: 'For instructors' }).waitFor();
    expect(await transfer(a).count()).toBe(0);
    await a.getByRole('button', { name: 'Sign out' }).click();
    await enterInstructorMode(a);

    await navLink(a, 'Settings').click();
    await a.getByTestId('storage-section').getByTestId('storage-disk').filter({ hasText: /free of/ }).waitFor();
    const pending = (await readStore(a, 'outbox')).filter((op) => op.status !== 'done');
    expect(pending.map((op) => op.kind).sort()).toEqual(['vr_session.complete', 'vr_session.create', 'xapi.statement']);
    const downloading = a.waitForEvent('download');
    await transfer(a).getByRole('button', { name: 'Export changes not yet sent' }).click();
    const download = await downloading;
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^outpost-transfer-[0-9a-f]{8}-\d{8}-\d{4}\.json\.gz$/);
    await transfer(a).getByTestId('export-done').filter({ hasText: '3 changes exported' }).waitFor();
    await transfer(a).getByTestId('last-export').filter({ hasText: '3 changes carried away, 3 of them still waiting' }).waitFor();
    expect((await readFile(file)).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(aliceSessions()).toHaveLength(0);

    // A file that is not an export is refused, and nothing is written.
    await goOnline(b);
    await navLink(b, 'Settings').click();
    await transfer(b).getByLabel('Import a file from another kiosk').setInputFiles({ name: 'class.json', mimeType: 'application/json', buffer: Buffer.from('{"learners":[]}') });
    await transfer(b).getByTestId('transfer-error').filter({ hasText: 'This is not an Outpost transfer file. Nothing was imported.' }).waitFor();
    const before = (await readStore(b, 'outbox')).length;

    // Kiosk B imports the file and sends the carried changes itself.
    await transfer(b).getByLabel('Import a file from another kiosk').setInputFiles(file);
    await transfer(b).getByTestId('import-done').filter({ hasText: '3 changes will be sent from this kiosk; 0 were already here.' }).waitFor();
    expect((await readStore(b, 'outbox')).length).toBe(before + 3);
    await expect.poll(() => aliceSessions().filter((s) => s.status === 'completed').length, { timeout: 15_000 }).toBe(1);
    // The completion statement waits on B for an LRS, as it would on A (no LRS is configured here).
    await expect.poll(async () => (await readStore(b, 'outbox')).filter((op) => op.status === 'pending').length, { timeout: 15_000 }).toBe(0);

    // The same file again: nothing new, nothing queued.
    await transfer(b).getByLabel('Import a file from another kiosk').setInputFiles(file);
    await transfer(b).getByTestId('import-done').filter({ hasText: 'brought nothing new: all 3 of its changes were already on this kiosk' }).waitFor();
    expect((await readStore(b, 'outbox')).length).toBe(before + 3);

    // Kiosk A comes back online after all and sends its own copies: the API recognises each by its key.
    const createsBefore = server.requests.count('POST /api/vr-sessions');
    const effects = server.effects();
    await goOnline(a);
    await expect.poll(async () => (await readStore(a, 'outbox')).filter((op) => op.status === 'pending').length, { timeout: 15_000 }).toBe(0);
    expect(server.requests.count('POST /api/vr-sessions')).toBeGreaterThan(createsBefore);
    expect(server.effects()).toEqual(effects);
    expect(aliceSessions()).toHaveLength(1);
    await navLink(a, 'Settings').click();
    await transfer(a).getByTestId('last-export').filter({ hasText: '3 changes carried away, 1 of them still waiting' }).waitFor();
    expect(kiosks.flatMap((k) => k.app.pageErrors)).toEqual([]);
  });
});
