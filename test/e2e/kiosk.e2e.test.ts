import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { importClassList, leaveInstructorMode, navLink, openApp, readStore } from '../support/page-helpers';
import { ALICE, BOB, TENANT } from '../support/local-api-fixture';
import { startServeFixture } from '../support/serve-fixture';
import type { ServeFixture } from '../support/serve-fixture';

const rendererDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');
const CAROL = 'ca201000-0000-4000-8000-000000000003';

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
  ({ context, page, pageErrors } = await openApp(browser, fixture.host.url, { fakeClock: true }));
});
afterEach(async () => {
  await context?.close();
  await fixture?.stop();
});

/** Calls main over a fresh socket with the page's own token: what a learner with a console would try. */
function rawInvoke(channel: string, payload: unknown) {
  return page.evaluate(
    async ({ token, channel, payload }) => {
      const socket = new WebSocket(`ws://${location.host}/ipc`, ['outpost-ipc.v1', `auth.${token}`]);
      await new Promise((done) => socket.addEventListener('open', done));
      socket.send(JSON.stringify({ type: 'invoke', id: 1, channel, payload }));
      // Events (a settings change, say) share the socket: wait for this call's own result.
      const frame = await new Promise<{ result: { ok: boolean; error?: { code: string } } }>((done) =>
        socket.addEventListener('message', (e) => {
          const message = JSON.parse(String(e.data)) as { type: string; id?: number; result: { ok: boolean; error?: { code: string } } };
          if (message.type === 'result' && message.id === 1) done(message);
        }),
      );
      socket.close();
      return frame;
    },
    { token: fixture.host.token, channel, payload },
  );
}

async function signInAs(name: string) {
  await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.getByRole('list', { name: 'Class list' }).getByRole('button', { name }).click();
  await page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
  expect(await page.getByTestId('signed-in-learner').textContent()).toBe(`Signed in as ${name}`);
}

describe('a kiosk left alone with a class', () => {
  it('keeps instructor tools from learners, signs idle learners out with a countdown, and keeps what they typed for them only', async () => {
    // The instructor prepares the kiosk: a class list, a package, a two-minute idle sign-out.
    await importClassList(page, {
      tenant_id: TENANT,
      learners: [
        { id: ALICE, display_name: 'Alice Wong' },
        { id: BOB, display_name: 'Bob Chen' },
        { id: CAROL, display_name: 'Carol Lin' },
      ],
    });
    await navLink(page, 'VR library').click();
    await page.getByLabel('Title').fill('Safety Training VR');
    await page.getByLabel('Version').fill('1.0.0');
    await page.getByLabel('Quest 3', { exact: true }).check();
    await page.getByRole('button', { name: 'Add package' }).click();
    await page.getByRole('status').filter({ hasText: '“Safety Training VR” was added.' }).waitFor();
    await navLink(page, 'Settings').click();
    await page.getByLabel('Sign out after this many idle minutes').fill('2');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await leaveInstructorMode(page);

    // A learner cannot reach instructor pages, in the UI or below it.
    for (const route of ['class', 'library', 'headsets', 'sync', 'settings']) {
      await page.goto(`${new URL(page.url()).origin}/#/${route}`);
      await page.getByRole('heading', { name: 'For instructors' }).waitFor();
      expect(await page.getByLabel('Class list file (JSON)').count()).toBe(0);
    }
    for (const [channel, payload] of [
      ['headsets:list', {}],
      ['sideload:jobs', {}],
      ['remote:set-token', { token: 'a-token-of-my-own' }],
      ['settings:update', { apiBaseUrl: 'https://evil.example' }],
      ['packages:upload-ticket', {}],
    ] as const) {
      expect((await rawInvoke(channel, payload)).result).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
    }
    expect((await rawInvoke('settings:update', { locale: 'zh-Hans' })).result.ok).toBe(true);
    expect((await rawInvoke('settings:update', { locale: 'en' })).result.ok).toBe(true);
    // Guessing the passphrase is counted and named.
    await page.getByRole('banner').getByRole('link', { name: 'Instructor' }).click();
    await page.getByLabel('Instructor passphrase').fill('let me in please');
    await page.getByRole('button', { name: 'Sign in as instructor' }).click();
    await page.getByRole('alert').filter({ hasText: /That passphrase is not right\. \d+ tries? left/ }).waitFor();

    // Alice starts a session and types a note, then walks away.
    await signInAs('Alice Wong');
    await page.getByTestId('start-table').getByRole('row', { name: /Safety Training VR/ }).getByRole('button', { name: 'Start' }).click();
    const card = page.getByRole('article', { name: 'Safety Training VR' });
    await card.getByLabel('Notes (optional)').fill('The fire drill part was hard');
    await page.clock.fastForward(91_000);
    const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await dialog.waitFor();
    await dialog.getByText(/signs out in \d+ seconds/).waitFor();
    // She is still there.
    await dialog.getByRole('button', { name: "I'm still here" }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('signed-in-learner').textContent()).toBe('Signed in as Alice Wong');

    // Now she really leaves: the kiosk signs her out by itself.
    await page.clock.fastForward(121_000);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.getByTestId('signed-in-learner').count()).toBe(0);
    const drafts = await readStore(page, 'drafts');
    expect(drafts).toEqual([expect.objectContaining({ user_id: ALICE, values: expect.objectContaining({ notes: 'The fire drill part was hard' }) })]);

    // Bob, next at the kiosk, sees none of Alice's things.
    await signInAs('Bob Chen');
    expect(await page.getByRole('article').count()).toBe(0);
    expect(await page.getByText('The fire drill part was hard').count()).toBe(0);
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();

    // Alice comes back: her note is where she left it.
    await signInAs('Alice Wong');
    await card.getByText('We kept what you typed last time.').waitFor();
    expect(await card.getByLabel('Notes (optional)').inputValue()).toBe('The fire drill part was hard');
    await card.getByRole('button', { name: 'Mark as completed' }).click();
    await card.getByText('Completed', { exact: true }).first().waitFor();
    await expect.poll(async () => (await readStore(page, 'drafts')).length).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
