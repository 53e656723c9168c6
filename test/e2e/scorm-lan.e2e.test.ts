import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_DIR } from '../support/e2e-app';
import { launchChromium } from '../support/chromium';
import { openApp, readStore } from '../support/page-helpers';
import { startServeFixture } from '../support/serve-fixture';
import { fixtureZip, importCourse } from './scorm-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Api = { isInitialized(): boolean; LMSGetValue(e: string): string };

/** A free port on the loopback interface, for the LAN listener the instructor turns on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** "The LMS": a page on another origin that embeds the dispatch link in an iframe, as the seed's guide says. */
async function startLms(): Promise<{ url: (link: string) => string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const link = new URL(request.url ?? '/', 'http://lms').searchParams.get('link') ?? '';
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><title>Acme Moodle</title><h1>Acme Moodle</h1><iframe id="scorm" title="SCORM Player" src="${link.replace(/"/g, '&quot;')}" style="width:100%;height:700px" allow="fullscreen"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (link) => `http://127.0.0.1:${port}/course?link=${encodeURIComponent(link)}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const frameWith = async (page: Page, part: string): Promise<Frame> => {
  await expect.poll(() => page.frames().some((f) => f.url().includes(part)), { timeout: 20_000 }).toBe(true);
  return page.frames().find((f) => f.url().includes(part))!;
};

describe('a course handed to an LMS on the school network', () => {
  it('the LMS embeds the dispatch link; its learner plays, saves and resumes on the kiosk; revoking stops the link', { timeout: 120_000 }, async () => {
    const fixture = await startServeFixture(RENDERER_DIR, { lanHost: '127.0.0.1' });
    const lms = await startLms();
    const kiosk = await openApp(browser, fixture.host.url);
    try {
      const page = kiosk.page;
      await importCourse(page, 'RuntimeBasicCalls_SCORM12.zip', await fixtureZip('RuntimeBasicCalls_SCORM12.zip'));
      await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();

      // The instructor turns sharing on and makes a dispatch for the LMS.
      const handoff = page.getByTestId('course-handoff');
      await expect.poll(() => handoff.getByTestId('lan-status').textContent()).toContain('off');
      const port = await freePort();
      await handoff.getByLabel('Port').fill(String(port));
      await handoff.getByRole('button', { name: 'Turn sharing on' }).click();
      await expect.poll(() => handoff.getByTestId('lan-status').textContent()).toContain(`http://127.0.0.1:${port}`);
      await handoff.getByLabel('Course').selectOption({ index: 1 });
      await handoff.getByLabel('LMS name').fill('Acme Moodle');
      await handoff.getByLabel('LMS identifier (one dispatch per LMS)').fill('acme-moodle');
      await handoff.getByRole('button', { name: 'Create a dispatch link' }).click();
      const link = await handoff.getByLabel('Dispatch link', { exact: true }).inputValue();
      expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/player/dispatch/dsp_[0-9a-f]{32}$`));

      // A learner of the LMS, in a browser with nothing of the kiosk's, opens the course inside the LMS page.
      const learnerContext = await browser.newContext({ locale: 'en-US' });
      const learner = await learnerContext.newPage();
      learner.on('dialog', (dialog) => void dialog.accept());
      await learner.goto(lms.url(`${link}?learner_id=moodle-42&learner_name=${encodeURIComponent('Maya Lin')}`));
      const host = await frameWith(learner, '/play/');
      await expect.poll(() => host.locator('#lan-learner').textContent()).toBe('Learner: Maya Lin');
      const shell = await frameWith(learner, '/player/');
      const course = await frameWith(learner, '/content/');
      await expect.poll(() => shell.evaluate(() => (window as unknown as { API?: Api }).API?.isInitialized() ?? false), { timeout: 20_000 }).toBe(true);
      // The course cannot reach the kiosk's app: no bridge in the shell or the host page above it, and the
      // LMS page on top is another origin it cannot read.
      const reach = await course.evaluate(() => {
        let topReadable = true;
        try {
          void window.top?.document.title;
        } catch {
          topReadable = false;
        }
        return { topReadable, bridge: 'outpost' in window.parent || 'outpost' in window.parent.parent };
      });
      expect(reach).toEqual({ topReadable: false, bridge: false });
      await course.evaluate(() => {
        const w = window as unknown as { doNext?: () => void; RecordTest?: (s: number) => void };
        w.doNext?.();
        w.RecordTest?.(85);
      });
      const location = await shell.evaluate(() => (window as unknown as { API: Api }).API.LMSGetValue('cmi.core.lesson_location'));
      await host.getByRole('button', { name: 'Save and exit' }).click();
      await expect.poll(() => host.locator('#lan-status').textContent(), { timeout: 20_000 }).toBe('Your progress is saved on the kiosk. You can close this page.');

      // The kiosk holds the LMS learner's session, as the course reported it, ready to sync.
      const [session] = (await readStore(page, 'scormSessions')) as Array<Record<string, unknown>>;
      expect(session).toMatchObject({ user_id: 'lms:acme-moodle:moodle-42', completion_status: 'completed', success_status: 'passed', score: { raw: 85 } });
      expect((session?.cmi_data as Record<string, string>)['cmi.core.lesson_location']).toBe(location);
      const outbox = (await readStore(page, 'outbox')) as Array<{ entity_id: string; kind: string }>;
      expect(outbox.filter((op) => op.entity_id === session?.id).map((op) => op.kind)).toContain('scorm_session.update');

      // Another day the learner opens it again from the LMS: the same session, resumed.
      await learner.goto(lms.url(`${link}?learner_id=moodle-42`));
      const again = await frameWith(learner, '/player/');
      await expect.poll(() => again.evaluate(() => (window as unknown as { API?: Api }).API?.isInitialized() ?? false), { timeout: 20_000 }).toBe(true);
      expect(await again.evaluate(() => (window as unknown as { API: Api }).API.LMSGetValue('cmi.core.entry'))).toBe('resume');
      expect(((await readStore(page, 'scormSessions')) as unknown[]).length).toBe(1);

      // A learner whose browser reads Traditional Chinese gets the page in it.
      const zhContext = await browser.newContext({ locale: 'zh-TW' });
      const zh = await zhContext.newPage();
      await zh.goto(lms.url(`${link}?learner_id=moodle-43&learner_name=${encodeURIComponent('陳小明')}`));
      const zhHost = await frameWith(zh, '/play/');
      await expect.poll(() => zhHost.locator('#lan-learner').textContent()).toBe('學習者：陳小明');
      expect(await zhHost.getByRole('button', { name: '儲存並離開' }).count()).toBe(1);
      await zhContext.close();

      // A link without the learner is refused in words; after a revoke the link is dead.
      const bare = await learnerContext.request.get(link);
      expect(bare.status()).toBe(400);
      await handoff.getByRole('button', { name: 'Revoke the dispatch Acme Moodle' }).click();
      await expect.poll(() => handoff.getByTestId('dispatch-table').textContent()).toContain('Revoked');
      const revoked = await learnerContext.request.get(`${link}?learner_id=moodle-42`);
      expect(revoked.status()).toBe(404);
      expect(await revoked.text()).toContain('Launch link unavailable');
      await learnerContext.close();

      // Sharing off: nothing listens any more.
      await handoff.getByRole('button', { name: 'Turn sharing off' }).click();
      await expect.poll(() => handoff.getByTestId('lan-status').textContent()).toContain('off');
      await expect(fetch(link)).rejects.toThrow();
      expect(kiosk.pageErrors).toEqual([]);
    } finally {
      await kiosk.context.close();
      await lms.close();
      await fixture.stop();
    }
  });
});
