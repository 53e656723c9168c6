import { describe, expect, it } from 'vitest';
import { useAppPerTest } from '../support/e2e-app';
import { enterInstructorMode, importClassList, leaveInstructorMode, navLink, readStore } from '../support/page-helpers';
import { ALICE, BOB, TENANT } from '../support/local-api-fixture';

const CAROL = 'ca201000-0000-4000-8000-000000000003';

const app = useAppPerTest({ fakeClock: true });

/** Calls main over a fresh socket with the page's own token: what a learner with a console would try. */
function rawInvoke(channel: string, payload: unknown) {
  return app.page.evaluate(
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
    { token: app.fixture.host.token, channel, payload },
  );
}

async function signInAs(name: string) {
  await app.page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
  await app.page.getByRole('list', { name: 'Class list' }).getByRole('button', { name }).click();
  await app.page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
  expect(await app.page.getByTestId('signed-in-learner').textContent()).toBe(`Signed in as ${name}`);
}

describe('a kiosk left alone with a class', () => {
  it('keeps instructor tools from learners, signs idle learners out with a countdown, and keeps what they typed for them only', async () => {
    // The instructor prepares the kiosk: a class list, a package, a two-minute idle sign-out.
    await importClassList(app.page, {
      tenant_id: TENANT,
      learners: [
        { id: ALICE, display_name: 'Alice Wong' },
        { id: BOB, display_name: 'Bob Chen' },
        { id: CAROL, display_name: 'Carol Lin' },
      ],
    });
    await navLink(app.page, 'VR library').click();
    await app.page.getByLabel('Title').fill('Safety Training VR');
    await app.page.getByLabel('Version').fill('1.0.0');
    await app.page.getByLabel('Quest 3', { exact: true }).check();
    await app.page.getByRole('button', { name: 'Add package' }).click();
    await app.page.getByRole('status').filter({ hasText: '“Safety Training VR” was added.' }).waitFor();
    // A package half typed when the instructor is signed out is there again when they come back.
    await app.page.getByLabel('Title').fill('Fire Drill VR');
    await leaveInstructorMode(app.page);
    await enterInstructorMode(app.page);
    await navLink(app.page, 'VR library').click();
    await expect.poll(() => app.page.getByLabel('Title').inputValue()).toBe('Fire Drill VR');
    await app.page.getByLabel('Title').fill('');
    await navLink(app.page, 'Settings').click();
    await app.page.getByLabel('Sign out after this many idle minutes').fill('2');
    await app.page.getByRole('button', { name: 'Save' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await leaveInstructorMode(app.page);

    // A learner cannot reach instructor pages, in the UI or below it.
    for (const route of ['class', 'library', 'headsets', 'sync', 'settings']) {
      await app.page.goto(`${new URL(app.page.url()).origin}/#/${route}`);
      await app.page.getByRole('heading', { name: 'For instructors' }).waitFor();
      expect(await app.page.getByLabel('Class list file (JSON)').count()).toBe(0);
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
    await app.page.getByRole('banner').getByRole('link', { name: 'Instructor' }).click();
    await app.page.getByLabel('Instructor passphrase').fill('let me in please');
    await app.page.getByRole('button', { name: 'Sign in as instructor' }).click();
    await app.page.getByRole('alert').filter({ hasText: /That passphrase is not right\. \d+ tries? left/ }).waitFor();

    // Alice starts a session and types a note, then walks away.
    await signInAs('Alice Wong');
    await app.page.getByTestId('start-table').getByRole('row', { name: /Safety Training VR/ }).getByRole('button', { name: 'Start' }).click();
    const card = app.page.getByRole('article', { name: 'Safety Training VR' });
    await card.getByLabel('Notes (optional)').fill('The fire drill part was hard');
    await app.page.clock.fastForward(91_000);
    const dialog = app.page.getByRole('alertdialog', { name: 'Are you still there?' });
    await dialog.waitFor();
    await dialog.getByText(/signs out in \d+ seconds/).waitFor();
    // She is still there.
    await dialog.getByRole('button', { name: "I'm still here" }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await app.page.getByTestId('signed-in-learner').textContent()).toBe('Signed in as Alice Wong');

    // Now she really leaves: the kiosk signs her out by itself.
    await app.page.clock.fastForward(121_000);
    await app.page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    expect(await app.page.getByTestId('signed-in-learner').count()).toBe(0);
    const drafts = await readStore(app.page, 'drafts');
    expect(drafts).toEqual([expect.objectContaining({ user_id: ALICE, values: expect.objectContaining({ notes: 'The fire drill part was hard' }) })]);

    // Bob, next at the kiosk, sees none of Alice's things.
    await signInAs('Bob Chen');
    expect(await app.page.getByRole('article').count()).toBe(0);
    expect(await app.page.getByText('The fire drill part was hard').count()).toBe(0);
    await app.page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();

    // Alice comes back: her note is where she left it.
    await signInAs('Alice Wong');
    await card.getByText('We kept what you typed last time.').waitFor();
    expect(await card.getByLabel('Notes (optional)').inputValue()).toBe('The fire drill part was hard');
    await card.getByRole('button', { name: 'Mark as completed' }).click();
    await card.getByText('Completed', { exact: true }).first().waitFor();
    await expect.poll(async () => (await readStore(app.page, 'drafts')).length).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
