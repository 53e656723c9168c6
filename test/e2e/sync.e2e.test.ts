import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogSeed, SEED_ALICE, SEED_CHEM_PKG } from '../reference-server/catalog-seed';
import { startReferenceServer } from '../reference-server/server';
import type { ReferenceServer } from '../reference-server/server';
import { launchChromium } from '../support/chromium';
import { RENDERER_DIR } from '../support/e2e-app';
import { navLink, openApp, readStore } from '../support/page-helpers';
import { startServeFixture } from '../support/serve-fixture';
import type { ServeFixture } from '../support/serve-fixture';

const DEVICE = 'kiosk-device';

let browser: Browser;
let dir: string;
let server: ReferenceServer;
let fixture: ServeFixture;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-sync-e2e-'));
  [browser, server, fixture] = await Promise.all([launchChromium(), startReferenceServer({ dataDir: join(dir, 'server'), seed: defaultCatalogSeed() }), startServeFixture(RENDERER_DIR)]);
  ({ context, page, pageErrors } = await openApp(browser, fixture.host.url, { timezoneId: 'Asia/Taipei' }));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await fixture?.stop();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});


const indicator = () => page.getByTestId('sync-indicator');
const indicatorSays = (text: string) => indicator().getByRole('status').filter({ hasText: text }).waitFor();
const aliceSessions = () => server.inspect.vrSessions().filter((s) => s.user_id === SEED_ALICE);


async function startSession(title: string) {
  await navLink(page, 'My VR sessions').click();
  await page.getByTestId('start-table').getByRole('row', { name: new RegExp(title) }).getByRole('button', { name: 'Start' }).click();
  await page.getByRole('status').filter({ hasText: `“${title}” started.` }).waitFor();
}

async function completeSession(title: string) {
  const card = page.getByRole('article', { name: title });
  await card.getByRole('button', { name: 'Mark as completed' }).click();
  await card.getByText('Completed', { exact: true }).first().waitFor();
}

describe('a kiosk set up online keeps syncing what it records', () => {
  it('pulls the class and library, drains by itself, pauses for a new token, keeps a local package’s sessions until it is linked, and never drops learners without the instructor', async () => {
    // A fresh kiosk has no API; the address is checked inline before main gets it.
    await indicatorSays('Not set up');
    await navLink(page, 'Sync').click();
    await page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
    await page.getByLabel('API address').fill('ftp://example.org');
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByRole('alert').filter({ hasText: 'The address must start with https:// (or http:// for this computer only).' }).waitFor();
    await page.getByLabel('API address').fill('http://api.school.example');
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByRole('alert').filter({ hasText: 'Use https:// — plain http:// is only allowed to this computer' }).waitFor();
    await page.getByLabel('API address').fill(server.url);
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByRole('status').filter({ hasText: 'Address saved.' }).waitFor();

    // The API answers but there is no token yet: the page asks for one with the field ready to type in.
    await page.getByRole('alert').filter({ hasText: 'Sync is paused: sign in again' }).waitFor();
    await indicatorSays('Sign in again to sync');
    expect(await page.getByLabel('Access token').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByLabel('Access token').fill('not-a-token-the-api-knows');
    await page.getByRole('button', { name: 'Save token' }).click();
    await page.getByRole('alert').filter({ hasText: 'Token refused: the API did not accept it.' }).waitFor();
    await page.getByLabel('Access token').fill(server.tokens.issue(DEVICE, { admin: true }));
    await page.getByRole('button', { name: 'Save token' }).click();
    await page.getByRole('status').filter({ hasText: 'Token accepted: signed in.' }).waitFor();
    expect(await page.getByLabel('Access token').inputValue()).toBe('');
    await indicatorSays('Up to date');
    expect(await page.getByTestId('api-account').textContent()).toBe('Signed in');

    // "Sync now" downloads the class list and library, so the kiosk works offline from here on.
    await page.getByRole('button', { name: 'Sync now' }).click();
    const pulled = page.getByTestId('catalog-pull');
    await pulled.waitFor();
    expect(await pulled.locator('dd').allTextContents()).toEqual(['3', '2', '3', '1']);
    expect(await pulled.locator('dt').allTextContents()).toEqual(['Class list', 'VR packages', 'Activities', 'Lessons']);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByRole('list', { name: 'Class list' }).getByRole('button', { name: 'Alice Wong' }).waitFor();
    await navLink(page, 'VR library').click();
    await page.getByTestId('package-table').getByRole('row', { name: /Safety Training VR/ }).waitFor();

    // Alice records a session; online, it reaches the API by itself. The API is slowed once so the
    // progress bar can be seen while the first request is under way.
    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Alice Wong' }).click();
    await page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
    server.faults.slow(1500, { count: 1, path: '/api/vr-sessions', method: 'POST' });
    await startSession('Safety Training VR');
    await indicator().getByRole('progressbar', { name: 'Sync progress' }).waitFor();
    await indicatorSays('Syncing…');
    await completeSession('Safety Training VR');
    await expect.poll(() => aliceSessions().filter((s) => s.status === 'completed').length, { timeout: 15_000 }).toBe(1);
    // No LRS is set: the completion's xAPI statement stays on the kiosk (the API records its own).
    await expect.poll(async () => (await readStore(page, 'outbox')).filter((op) => op.kind === 'xapi.statement' && op.held_reason === 'no_lrs').length, { timeout: 15_000 }).toBe(1);
    await indicatorSays('Up to date');
    await indicator().getByText('Last synced now').waitFor();
    expect(await indicator().getByRole('progressbar').count()).toBe(0);
    expect(aliceSessions()).toHaveLength(1);

    // The device token expires: the next session stays queued and the kiosk asks for a new token.
    server.faults.expireAllTokens();
    await startSession('Safety Training VR');
    await indicatorSays('Sign in again to sync');
    await indicator().getByText('1 change waiting').waitFor();
    expect(aliceSessions()).toHaveLength(1);
    await navLink(page, 'Overview').click();
    await page.getByTestId('pending-count').filter({ hasText: '1 change waiting to sync' }).waitFor();
    await navLink(page, 'My VR sessions').click();
    expect((await readStore(page, 'outbox')).filter((op) => op.status === 'pending').map((op) => op.kind)).toEqual(['vr_session.create']);
    await indicator().click();
    await page.getByRole('alert').filter({ hasText: 'Sync is paused: sign in again' }).waitFor();
    expect(await page.getByLabel('Access token').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByLabel('Access token').fill(server.tokens.issue(DEVICE, { admin: true }));
    await page.getByRole('button', { name: 'Save token' }).click();
    await expect.poll(() => aliceSessions().length, { timeout: 15_000 }).toBe(2);
    await indicatorSays('Up to date');
    await page.getByRole('alert').filter({ hasText: 'Sync is paused' }).waitFor({ state: 'detached' });

    // A package added by hand, which the API does not know: its session stays on the kiosk, labelled,
    // and is never sent to be refused.
    await navLink(page, 'VR library').click();
    await page.getByLabel('Title').fill('Unknown Sim');
    await page.getByLabel('Version').fill('1.0.0');
    await page.getByLabel('Quest 3', { exact: true }).check();
    await page.getByRole('button', { name: 'Add package' }).click();
    await page.getByRole('status').filter({ hasText: '“Unknown Sim” was added.' }).waitFor();
    await page.getByTestId('package-table').getByRole('row', { name: /Unknown Sim/ }).getByTestId('local-badge').waitFor();
    await startSession('Unknown Sim');
    await completeSession('Unknown Sim');
    await page.getByRole('article', { name: 'Unknown Sim' }).getByTestId('kept-local').waitFor();
    await indicatorSays('Up to date');
    expect(await indicator().getByText('refused').count()).toBe(0);
    const requestsBefore = server.requests.count('POST /api/vr-sessions');
    expect(aliceSessions()).toHaveLength(2);

    // The API learns the experience under its own id; the instructor pulls the catalog and links the two.
    const remoteSim = { id: 'c0ffee00-0000-4000-8000-0000000000aa', title: 'Unknown Sim', version: '1.0.0', target_platforms: ['quest3' as const] };
    server.seed.vr_packages.push(remoteSim);
    await navLink(page, 'Sync').click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('catalog-pull').locator('dd').first().waitFor();
    await navLink(page, 'VR library').click();
    const localRow = page.getByTestId('package-table').getByRole('row', { name: /Unknown Sim/ }).filter({ has: page.getByTestId('local-badge') });
    await localRow.getByLabel('Which API package is “Unknown Sim”?').selectOption({ label: 'Unknown Sim (1.0.0)' });
    await localRow.getByRole('button', { name: 'Link' }).click();
    await page.getByRole('status').filter({ hasText: /^Linked\./ }).waitFor();
    await expect.poll(() => aliceSessions().filter((s) => s.package_id === remoteSim.id && s.status === 'completed').length, { timeout: 15_000 }).toBe(1);
    expect(server.requests.count('POST /api/vr-sessions')).toBe(requestsBefore + 1);
    await indicatorSays('Up to date');

    // The remote drops Bob from the class: the next pull proposes removing him and waits for the instructor.
    const bobIndex = server.seed.learners.findIndex((l) => l.display_name === 'Bob Chen');
    server.seed.learners.splice(bobIndex, 1);
    await navLink(page, 'Sync').click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await navLink(page, 'Class').click();
    const review = page.getByTestId('catalog-review');
    await review.getByText('The remote no longer lists 1 learner.', { exact: false }).waitFor();
    // The names are a live query of their own, a moment behind the count.
    await expect.poll(() => review.getByRole('listitem').allTextContents()).toEqual(['Bob Chen']);
    expect((await readStore(page, 'learners')).map((l) => l.display_name).sort()).toEqual(['Alice Wong', 'Bob Chen', 'Ms Rivera']);
    await review.getByRole('button', { name: 'Remove 1 learner' }).click();
    await review.getByRole('status').filter({ hasText: '1 learner removed.' }).waitFor();
    expect((await readStore(page, 'learners')).map((l) => l.display_name).sort()).toEqual(['Alice Wong', 'Ms Rivera']);
    // And the instructor can take the whole pull back.
    page.once('dialog', (dialog) => void dialog.accept());
    await review.getByRole('button', { name: 'Undo the last catalog pull' }).click();
    await review.getByRole('status').filter({ hasText: /The last catalog pull was undone/ }).waitFor();
    expect((await readStore(page, 'learners')).map((l) => l.display_name).sort()).toEqual(['Alice Wong', 'Bob Chen', 'Ms Rivera']);

    // Statements kept for want of an LRS: listed, downloadable as xAPI, and sent once the instructor sets one.
    const kept = (await readStore(page, 'outbox')).filter((op) => op.kind === 'xapi.statement' && op.held_reason === 'no_lrs').length;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(server.inspect.xapiStatements()).toHaveLength(0);
    await navLink(page, 'Sync').click();
    const statements = page.getByRole('region', { name: 'Learning records (xAPI)' });
    await statements.getByTestId('kept-count').filter({ hasText: `${kept} statements kept on this computer` }).waitFor();
    await expect.poll(() => statements.getByRole('list', { name: 'Statements kept on this computer' }).getByRole('listitem').count()).toBe(kept);
    const [download] = await Promise.all([page.waitForEvent('download'), statements.getByRole('button', { name: 'Download statements (JSON)' }).click()]);
    const file = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as Array<{ verb: { id: string } }>;
    expect(file.map((st) => st.verb.id)).toEqual(Array.from({ length: kept }, () => 'http://adlnet.gov/expapi/verbs/completed'));
    await statements.getByLabel('Learning record store address').fill('ftp://lrs');
    await statements.getByRole('button', { name: 'Save learning record store' }).click();
    await statements.getByRole('alert').filter({ hasText: 'The address must start with https://' }).first().waitFor();
    await statements.getByLabel('Learning record store address').fill(`${server.url}/xapi`);
    await statements.getByLabel('Sign in with').selectOption({ label: 'Access token' });
    await statements.getByLabel('Token').fill(server.tokens.issue(DEVICE, { admin: true }));
    await statements.getByRole('button', { name: 'Save learning record store' }).click();
    await statements.getByRole('status').filter({ hasText: `Saved. ${kept} kept statements will be sent.` }).waitFor();
    await expect.poll(() => server.inspect.xapiStatements().length, { timeout: 15_000 }).toBe(kept);
    await statements.getByTestId('kept-count').waitFor({ state: 'detached' });
    await statements.getByText(`Statements go to the school's learning record store at ${server.url}/xapi.`).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('an instructor corrects one refused completion and resends it, and discards just the other', async () => {
    // The API lists Bob again (the test above took him off), then refuses the next two completions
    // (Alice's and Bob's) for reasons of its own.
    const bob = defaultCatalogSeed().learners.find((l) => l.display_name === 'Bob Chen')!;
    if (!server.seed.learners.some((l) => l.id === bob.id)) server.seed.learners.push({ ...bob, role: bob.role ?? 'learner' });
    const refusal = { error: 'Time spent is longer than the activity allows', code: 'VALIDATION_ERROR' };
    server.faults.answerNext(2, { kind: 'json', status: 400, body: refusal }, { path: '/api/vr-sessions/:sessionId/complete', method: 'POST' });
    const statementsBefore = server.inspect.xapiStatements().length;
    for (const learner of ['Alice Wong', 'Bob Chen']) {
      const banner = page.getByRole('banner');
      if ((await banner.getByTestId('signed-in-learner').count()) > 0) await banner.getByRole('button', { name: 'Sign out', exact: true }).click();
      await banner.getByRole('link', { name: 'Sign in', exact: true }).click();
      await page.getByRole('button', { name: learner }).click();
      await banner.getByTestId('signed-in-learner').filter({ hasText: learner }).waitFor();
      await page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
      await startSession('Chemistry Lab');
      await completeSession('Chemistry Lab');
    }
    await indicator().getByText('refused', { exact: false }).first().waitFor({ timeout: 15_000 });

    await navLink(page, 'Sync').click();
    const refused = page.getByRole('list', { name: 'Changes the API refused' });
    await expect.poll(() => refused.getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);
    const chemistry = refused.getByRole('listitem').filter({ hasText: 'Alice Wong' });
    await chemistry.getByText('(VALIDATION_ERROR, HTTP 400)', { exact: false }).waitFor();

    // Correct and resend: the seed's rules apply in the form, then the corrected completion goes.
    await chemistry.getByRole('button', { name: 'Correct and resend' }).click();
    const form = chemistry.getByRole('form', { name: 'Correct “VR session completed”' });
    await form.getByLabel('Score (0–100, empty for none)').fill('55');
    await form.getByLabel('Time spent in minutes (empty for none)').fill('99999');
    await form.getByRole('button', { name: 'Resend' }).click();
    await form.getByRole('alert').filter({ hasText: /^Not sent: time_spent_minutes/ }).waitFor();
    await form.getByLabel('Time spent in minutes (empty for none)').fill('20');
    await form.getByRole('button', { name: 'Resend' }).click();
    await page.getByRole('status').filter({ hasText: 'Corrected and queued; it is sent with the next sync.' }).waitFor();
    const chemistryRemote = () => aliceSessions().find((s) => s.package_id === SEED_CHEM_PKG);
    await expect.poll(() => chemistryRemote()?.status, { timeout: 15_000 }).toBe('completed');
    expect(chemistryRemote()).toMatchObject({ score: { raw: 55 }, time_spent_seconds: 1200 });
    // The kiosk's own record and the learning record took the corrected values too.
    const chemistryLocal = (await readStore(page, 'vrSessions')).find((s) => s.package_id === SEED_CHEM_PKG && s.user_id === SEED_ALICE);
    expect(chemistryLocal).toMatchObject({ status: 'completed', score: { raw: 55 }, time_spent_seconds: 1200 });
    await expect.poll(() => server.inspect.xapiStatements().length, { timeout: 15_000 }).toBe(statementsBefore + 1);
    expect(server.inspect.xapiStatements().at(-1)?.statement).toMatchObject({ result: { score: { raw: 55 }, duration: 'PT20M' } });

    // Discard just the other: its statement, which needed it, is listed in turn, never dropped silently.
    await expect.poll(() => refused.getByRole('listitem').count()).toBe(1);
    const bobs = refused.getByRole('listitem').filter({ hasText: 'Bob Chen' });
    await bobs.getByRole('button', { name: 'Discard' }).click();
    await bobs.getByRole('button', { name: 'Discard this change' }).click();
    await page.getByRole('status').filter({ hasText: 'Change discarded. 1 change that needed it is now listed here.' }).waitFor();
    await expect.poll(() => refused.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('xAPI statement (learning record)')]);
    const outbox = await readStore(page, 'outbox');
    expect(outbox.filter((op) => op.kind === 'vr_session.complete' && op.status !== 'done')).toHaveLength(0);
    // Bob's record stays on the kiosk, completed; the remote never got the discarded completion.
    const bobId = (await readStore(page, 'learners')).find((l) => l.display_name === 'Bob Chen')?.id;
    expect((await readStore(page, 'vrSessions')).filter((r) => r.user_id === bobId && r.package_id === SEED_CHEM_PKG).map((r) => r.status)).toEqual(['completed']);
    expect(server.inspect.vrSessions().filter((r) => r.user_id === bobId && r.package_id === SEED_CHEM_PKG).map((r) => r.status)).toEqual(['downloading']);
    expect(pageErrors).toEqual([]);
  });
});
