import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DiskSpace } from '../../shared/storage/disk-space';
import { GIB, KIOSK_DISK_RULE, storageLevel } from '../../shared/storage/disk-space';
import { useAppPerTest } from '../support/e2e-app';
import { enterInstructorMode, leaveInstructorMode, navLink } from '../support/page-helpers';

const app = useAppPerTest();

function diskOf(freeGib: number, totalGib: number): DiskSpace {
  const free_bytes = Math.round(freeGib * GIB);
  const total_bytes = Math.round(totalGib * GIB);
  return { free_bytes, total_bytes, level: storageLevel(free_bytes, total_bytes, KIOSK_DISK_RULE) };
}

/**
 * Main's answer to `storage:status` is replaced on the IPC WebSocket by `answer()` (a kiosk with a nearly
 * full disk cannot be made on the test machine); every other frame passes through to the real host. The
 * page also counts its calls of navigator.storage.persist(). Reloads so both take effect, then signs in again
 * (a new connection is a new caller in serve).
 */
async function fakeDisk(page: Page, answer: () => DiskSpace): Promise<void> {
  await page.addInitScript(() => {
    const storage = navigator.storage as StorageManager & { persist(): Promise<boolean> };
    const persist = storage.persist.bind(storage);
    (window as unknown as { persistCalls: number }).persistCalls = 0;
    storage.persist = () => {
      (window as unknown as { persistCalls: number }).persistCalls += 1;
      return persist();
    };
  });
  await page.routeWebSocket(/\/ipc(\?|$)/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const frame = typeof message === 'string' ? (JSON.parse(message) as { type?: string; id?: number; channel?: string }) : null;
      if (frame?.type === 'invoke' && frame.channel === 'storage:status') ws.send(JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, value: answer() } }));
      else server.send(message);
    });
  });
  await page.reload();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  await enterInstructorMode(page);
}

describe('storage: persistence, space and warnings', () => {
  it('asks for persistent storage at start and shows its state, the app data used of its quota and the kiosk disk', async () => {
    const { page } = app;
    await fakeDisk(page, () => diskOf(100, 200));
    expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(1);
    await navLink(page, 'Settings').click();
    const section = page.getByTestId('storage-section');
    // Whatever this Chromium granted, the page says that.
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    await section.getByTestId('storage-persisted').filter({ hasText: persisted ? 'Kept permanently' : 'Not protected' }).waitFor();
    const { usage, quota } = await page.evaluate(() => navigator.storage.estimate());
    expect(quota).toBeGreaterThan(0);
    await section.getByTestId('storage-quota').filter({ hasText: /^\S+ \S+ used of \S+ \S+ available$/ }).waitFor();
    expect(usage).toBeGreaterThanOrEqual(0);
    await section.getByTestId('storage-disk').filter({ hasText: '107.4 GB free of 214.7 GB' }).waitFor();
    expect(await section.getByRole('alert').count()).toBe(0);
    expect(await page.getByTestId('kiosk-disk-banner').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('warns of a low, then a critical kiosk disk in Settings and, for the instructor only, above every page', async () => {
    const { page } = app;
    let disk = diskOf(4, 200);
    await fakeDisk(page, () => disk);
    const banner = page.getByTestId('kiosk-disk-banner');
    await banner.filter({ hasText: 'The kiosk disk is getting full (4.3 GB free)' }).waitFor();
    expect(await banner.getAttribute('data-level')).toBe('low');
    await navLink(page, 'Sync').click();
    await page.getByRole('heading', { name: 'Sync', exact: true }).waitFor();
    await banner.waitFor();
    await navLink(page, 'Settings').click();
    await page.getByTestId('storage-section').getByRole('alert').filter({ hasText: 'The kiosk disk is getting full (4.3 GB free)' }).waitFor();

    // The banner's link leads to Settings.
    await navLink(page, 'Sync').click();
    await banner.getByRole('link', { name: 'See storage in Settings' }).click();
    await page.getByTestId('storage-section').waitFor();

    // Learners do not see it.
    await leaveInstructorMode(page);
    expect(await banner.count()).toBe(0);

    disk = diskOf(0.5, 200);
    await enterInstructorMode(page);
    await banner.filter({ hasText: 'The kiosk disk is almost full (536.9 MB free)' }).waitFor();
    expect(await banner.getAttribute('data-level')).toBe('critical');
    await navLink(page, 'Settings').click();
    await page.getByTestId('storage-section').getByRole('alert').filter({ hasText: 'almost full (536.9 MB free). Imports are refused' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
