import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { headsetTag } from '../fakes/quest-adbd/h264-test-pattern';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useCartApp } from '../support/e2e-cart-app';
import { RENDERER_DIR } from '../support/e2e-app';
import { enterInstructorMode, leaveInstructorMode, navLink, openApp } from '../support/page-helpers';
import { startServeFixture } from '../support/serve-fixture';
import { openSocket } from '../support/ws-client';

// The instructor's wall over an emulated cart: each tile decodes its own headset's stream (the counter
// and the headset's tag are read back from the canvas pixels), the large view, pause all, and a learner
// who cannot reach any of it below the UI.

const app = useCartApp({
  headsets: [{ model: 'Quest 2' }, { model: 'Quest 3' }, { model: 'Quest 3S' }],
  apk: { packageName: 'org.example.cast', versionCode: 1, versionName: '1.0', label: 'Cast', minSdk: 29, launchableActivity: '.MainActivity', sizeBytes: 64 * 1024 },
});

const headset = (i: number) => app.cart.cart.headsets[i]!;

/** The counter grid of the emulated test pattern (test/fakes/quest-adbd/h264-test-pattern.ts), read from a tile's canvas. */
async function readTile(page: Page, serial: string): Promise<{ counter: number; tag: number; width: number; height: number } | null> {
  return page.evaluate((serial) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`canvas.cast-canvas[data-serial="${serial}"]`);
    if (!canvas || canvas.width < 160 || canvas.height < 96) return null;
    const copy = new OffscreenCanvas(160, 96);
    const context = copy.getContext('2d');
    if (!context) return null;
    context.drawImage(canvas, 0, 0);
    const data = context.getImageData(0, 0, 160, 96).data;
    let value = 0;
    for (let bit = 0; bit < 32; bit++) {
      const x = 16 + (bit % 8) * 16 + 8;
      const y = 16 + Math.floor(bit / 8) * 16 + 8;
      const i = (y * 160 + x) * 4;
      const level = ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
      if (level > 60 && level < 190) return null;
      if (level >= 190) value |= 1 << bit;
    }
    return { counter: value & 0xffffff, tag: (value >>> 24) & 0xff, width: canvas.width, height: canvas.height };
  }, serial);
}

/** The tile's decoder kind (the feed marks the canvas it draws on). */
async function decoderOf(page: Page, serial: string): Promise<string | null> {
  return page.locator(`canvas.cast-canvas[data-serial="${serial}"]`).getAttribute('data-decoder');
}

const tileOf = (page: Page, serial: string) => page.locator(`.cast-tile[data-serial="${serial}"]`);

/**
 * A second window on the kiosk whose browser is altered before the app loads (`init` runs first in the
 * page), signed in as the instructor, casting every ready headset. The file's own page leaves the wall
 * first so one wall pulls at a time.
 */
async function openWall(init: () => void): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const base = app.fixture.host.url.split('#')[0]!;
  await app.page.goto(`${base}#/`);
  const page = await app.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(init);
  // The address with the serve host's token (a new window has none in its session storage yet).
  await page.goto(app.fixture.host.url);
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  // The kiosk's instructor session may already cover this window (it does after the file's first page signed in).
  await page.getByTestId('instructor-mode').or(page.getByRole('banner').getByRole('link', { name: 'Instructor' })).first().waitFor();
  if (!(await page.getByTestId('instructor-mode').isVisible())) await enterInstructorMode(page);
  await navLink(page, 'Headset screens').click();
  await page.getByRole('button', { name: 'Show all 3 ready headsets' }).click();
  return {
    page,
    errors,
    close: async () => {
      await page.getByRole('button', { name: 'Stop casting' }).click();
      await page.close();
    },
  };
}

async function expectLive(page: Page, i: number, timeout = 30_000): Promise<void> {
  const serial = headset(i).serial;
  await expect.poll(async () => (await readTile(page, serial))?.tag, { timeout }).toBe(headsetTag(headset(i).serialNumber));
  const seen = await counters(page, serial, 5, 500);
  expect(seen.at(-1)!).toBeGreaterThan(seen[0]!);
}

async function counters(page: Page, serial: string, samples: number, gapMs: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < samples; i++) {
    const read = await readTile(page, serial);
    if (read) seen.push(read.counter);
    await page.waitForTimeout(gapMs);
  }
  return seen;
}

describe('casting the cart to the kiosk', () => {
  it('shows every headset live on its own tile, a large view, pause all, and tells the room', async () => {
    const { page } = app;
    // The cart as main sees it reaches the renderer on the Headsets page.
    await navLink(page, 'Headsets').click();
    await expect.poll(() => page.getByRole('article').count(), { timeout: 20_000 }).toBe(3);
    await navLink(page, 'Headset screens').click();
    await page.getByRole('heading', { name: 'What each learner sees' }).waitFor();
    await page.getByRole('button', { name: 'Show all 3 ready headsets' }).click();
    await page.getByTestId('cast-banner').filter({ hasText: 'the instructor is viewing 3 headset screens' }).waitFor();

    for (let i = 0; i < 3; i++) {
      const serial = headset(i).serial;
      await expect.poll(async () => (await readTile(page, serial))?.tag, { timeout: 20_000 }).toBe(headsetTag(headset(i).serialNumber));
      const seen = await counters(page, serial, 6, 400);
      expect(seen.length).toBeGreaterThanOrEqual(5);
      // Frames arrive in order: never backwards, and moving.
      for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThanOrEqual(seen[k - 1]!);
      expect(seen.at(-1)!).toBeGreaterThan(seen[0]!);
    }
    // Tiles carry their headset's state.
    expect(await page.locator('.cast-tile[data-state="live"]').count()).toBe(3);

    // The large view: bigger stream, who and what is on the headset.
    await page.locator(`.cast-tile[data-serial="${headset(0).serial}"]`).click();
    await page.getByRole('heading', { name: headset(0).serial }).waitFor();
    await expect.poll(async () => (await readTile(page, headset(0).serial))?.height, { timeout: 20_000 }).toBe(720);
    await expect.poll(() => page.getByTestId('cast-large-app').textContent(), { timeout: 10_000 }).toBe('com.oculus.vrshell');
    expect(await page.getByTestId('cast-large-learner').textContent()).toBe('No learner assigned');
    expect(await page.getByTestId('cast-large-session').textContent()).toBe('No session on this headset');
    await page.locator(`.cast-tile[data-serial="${headset(0).serial}"]`).click();

    // Pause all: the pictures stop, every tile says so, the room is told.
    await page.getByRole('button', { name: 'Pause all' }).click();
    await page.getByTestId('cast-banner').filter({ hasText: 'Casting paused (3 headsets)' }).waitFor();
    await expect.poll(() => page.locator('.cast-tile[data-state="paused"]').count(), { timeout: 10_000 }).toBe(3);
    const frozen = await counters(page, headset(1).serial, 3, 700);
    expect(new Set(frozen).size).toBeLessThanOrEqual(1);
    await page.getByRole('button', { name: 'Resume all' }).click();
    await expect.poll(() => page.locator('.cast-tile[data-state="live"]').count(), { timeout: 20_000 }).toBe(3);
    const resumed = await counters(page, headset(1).serial, 5, 400);
    expect(resumed.at(-1)!).toBeGreaterThan(frozen.at(-1) ?? -1);

    // A headset taken off: a clear state instead of a black tile.
    headset(2).state.screenOn = false;
    await page.locator(`.cast-tile[data-serial="${headset(2).serial}"]`).getByText('Headset asleep or not worn').waitFor({ timeout: 20_000 });
    headset(2).state.screenOn = true;
    await expect.poll(() => page.locator(`.cast-tile[data-serial="${headset(2).serial}"]`).getAttribute('data-state'), { timeout: 20_000 }).toBe('live');

    await page.getByRole('button', { name: 'Stop casting' }).click();
    await page.getByTestId('cast-banner').waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
  }, 180_000);

  it('a learner reaches neither the page nor the cast channels', async () => {
    const { page, fixture } = app;
    // Casting runs (started by the instructor) while a learner is at the kiosk: the banner says so.
    expect(fixture.services.cast.start([headset(0).serial], 'left').tiles).toHaveLength(1);
    await leaveInstructorMode(page);
    await page.getByTestId('cast-banner').filter({ hasText: 'viewing 1 headset screen' }).waitFor();
    await page.goto(`${fixture.host.url.split('#')[0]}#/cast`);
    await expect.poll(() => page.locator('.cast-wall').count()).toBe(0);
    // Below the UI: a connection without an instructor session.
    const socket = await openSocket(fixture.host.port, { token: fixture.host.token });
    try {
      for (const [channel, payload] of [
        ['cast:pull', { cursors: { [headset(0).serial]: -1 } }],
        ['cast:start', { serials: [headset(1).serial] }],
        ['cast:tiles', {}],
        ['cast:focus', { serial: headset(0).serial }],
        ['cast:details', { serial: headset(0).serial }],
      ] as const) {
        expect(await socket.invoke(channel, payload)).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
      }
      expect(await socket.invoke('cast:status', {})).toEqual({ ok: true, value: { active: true, headsets: 1, paused: false } });
    } finally {
      socket.close();
      fixture.services.cast.stop();
    }
  }, 60_000);

  it('falls back to the software decoder (WebAssembly, allowed by the CSP) and still shows each headset', async () => {
    const { page, fixture } = app;
    await page.goto(`${fixture.host.url.split('#')[0]}?cast-decoder=software#/`);
    await enterInstructorMode(page);
    await navLink(page, 'Headset screens').click();
    await page.getByRole('button', { name: 'Show all 3 ready headsets' }).click();
    const serial = headset(1).serial;
    await expect.poll(async () => (await readTile(page, serial))?.tag, { timeout: 30_000 }).toBe(headsetTag(headset(1).serialNumber));
    const seen = await counters(page, serial, 5, 500);
    expect(seen.at(-1)!).toBeGreaterThan(seen[0]!);
    await page.getByRole('button', { name: 'Stop casting' }).click();
    expect(app.pageErrors).toEqual([]);
  }, 120_000);

  it('switches to the software decoder by itself where WebCodecs does not take H.264', async () => {
    // This browser's WebCodecs says no to the stream's profile (as on builds without H.264).
    const wall = await openWall(() => {
      VideoDecoder.isConfigSupported = (config: VideoDecoderConfig) => Promise.resolve({ supported: false, config });
    });
    try {
      for (let i = 0; i < 3; i++) {
        await expectLive(wall.page, i);
        expect(await decoderOf(wall.page, headset(i).serial)).toBe('software');
      }
      expect(await wall.page.getByText("This computer cannot decode the headset's picture").count()).toBe(0);
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.close();
    }
  }, 120_000);

  it('switches to the software decoder when WebCodecs accepts the stream but fails on it', async () => {
    // A WebCodecs that claims H.264 and then errors at configure (a broken hardware decoder).
    const wall = await openWall(() => {
      VideoDecoder.isConfigSupported = (config: VideoDecoderConfig) => Promise.resolve({ supported: true, config });
      VideoDecoder.prototype.configure = function configure() {
        throw new DOMException('no hardware H.264 decoder', 'NotSupportedError');
      };
    });
    try {
      await expectLive(wall.page, 1);
      expect(await decoderOf(wall.page, headset(1).serial)).toBe('software');
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.close();
    }
  }, 120_000);

  it('switches to the software decoder when WebCodecs accepts the stream but never draws it', async () => {
    // A WebCodecs that takes everything and outputs nothing: after UNDECODABLE_AFTER_MS the tile tries the
    // software decoder on a fresh canvas (the first one holds WebCodecs' bitmap context).
    const wall = await openWall(() => {
      VideoDecoder.isConfigSupported = (config: VideoDecoderConfig) => Promise.resolve({ supported: true, config });
      VideoDecoder.prototype.configure = function configure() {};
      VideoDecoder.prototype.decode = function decode() {};
    });
    try {
      await expect.poll(() => decoderOf(wall.page, headset(2).serial), { timeout: 10_000 }).toBe('webcodecs');
      await expectLive(wall.page, 2, 40_000);
      expect(await decoderOf(wall.page, headset(2).serial)).toBe('software');
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.close();
    }
  }, 120_000);

  it('says the picture cannot be decoded when no decoder works here', async () => {
    // No WebCodecs at all, and the software decoder's worker (where its WebAssembly runs) cannot start.
    const wall = await openWall(() => {
      Reflect.deleteProperty(window, 'VideoDecoder');
      window.Worker = class {
        constructor() {
          throw new DOMException('workers are disabled here', 'SecurityError');
        }
      } as unknown as typeof Worker;
    });
    try {
      for (let i = 0; i < 3; i++) {
        await tileOf(wall.page, headset(i).serial).getByText("This computer cannot decode the headset's picture (no H.264 decoder available)").waitFor({ timeout: 30_000 });
      }
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.close();
    }
  }, 120_000);

  it("names the other states on the tile: mirroring refused by the firmware, a headset taken off the cart", async () => {
    headset(1).faults.scrcpyMirroringBroken = true;
    const wall = await openWall(() => undefined);
    const { page } = wall;
    try {
      await tileOf(page, headset(1).serial).getByText("This headset's software does not allow mirroring").waitFor({ timeout: 30_000 });
      expect(await tileOf(page, headset(1).serial).getAttribute('data-state')).toBe('unsupported');

      // Headset 2 leaves adb while live: the tile says so, then shows pictures again once it is back.
      await expectLive(page, 2);
      await app.cart.adb.adb(['disconnect', headset(2).serial]);
      await app.cart.adb.waitForState(headset(2).serial, 'absent', 20_000);
      await tileOf(page, headset(2).serial).getByText('Headset disconnected; waiting for it to return').waitFor({ timeout: 30_000 });
      await app.cart.adb.connect(headset(2).serial, 'device');
      await expect.poll(() => tileOf(page, headset(2).serial).getAttribute('data-state'), { timeout: 30_000 }).toBe('live');
      await expectLive(page, 2);
      expect(wall.errors).toEqual([]);
    } finally {
      headset(1).faults.scrcpyMirroringBroken = false;
      await wall.close();
    }
  }, 180_000);

  it('one eye or both eyes: the tile picture changes shape', async () => {
    const wall = await openWall(() => undefined);
    const { page } = wall;
    const serial = headset(0).serial; // Quest 2: 3664x1920, both eyes side by side
    const size = () =>
      page.evaluate((serial) => {
        const canvas = document.querySelector<HTMLCanvasElement>(`canvas.cast-canvas[data-serial="${serial}"]`);
        return canvas ? `${canvas.width}x${canvas.height}` : null;
      }, serial);
    try {
      // One eye (the default): the left half, 1832x1920, at most 320 px on its longest side.
      await expectLive(page, 0);
      await expect.poll(size, { timeout: 20_000 }).toBe('304x320');
      await page.getByLabel('Show').selectOption({ label: 'Both eyes' });
      await expect.poll(size, { timeout: 30_000 }).toBe('320x168');
      await expectLive(page, 0);
      await page.getByLabel('Show').selectOption({ label: "One eye (the learner's view)" });
      await expect.poll(size, { timeout: 30_000 }).toBe('304x320');
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.close();
    }
  }, 120_000);

  it('says the casting component is missing when the installation has no scrcpy server', async () => {
    // A second kiosk host over the same cart, as a packaged app whose server file is not there.
    const missing = await startServeFixture(RENDERER_DIR, { adbPort: app.cart.adb.port, castServer: { kind: 'packaged', path: join(tmpdir(), 'outpost-no-such-dir', 'scrcpy-server') } });
    const kiosk = await openApp(app.browser, missing.host.url);
    try {
      await missing.services.startHeadsets();
      await navLink(kiosk.page, 'Headset screens').click();
      await kiosk.page.getByRole('button', { name: 'Show all 3 ready headsets' }).click({ timeout: 30_000 });
      for (let i = 0; i < 3; i++) {
        await tileOf(kiosk.page, headset(i).serial).getByText('The screen-casting component is missing from this installation').waitFor({ timeout: 30_000 });
        expect(await tileOf(kiosk.page, headset(i).serial).getAttribute('data-state')).toBe('server_missing');
      }
      await kiosk.page.getByRole('button', { name: 'Stop casting' }).click();
      expect(kiosk.pageErrors).toEqual([]);
    } finally {
      await kiosk.context.close();
      await missing.stop();
    }
  }, 120_000);
});
