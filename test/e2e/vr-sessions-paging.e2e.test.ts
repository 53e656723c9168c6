import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppPerTest } from '../support/e2e-app';
import { importClassList, leaveInstructorMode, navLink, readStore } from '../support/page-helpers';
import { ALICE, BOB, TENANT } from '../support/local-api-fixture';

const app = useAppPerTest({ timezoneId: 'Asia/Taipei' });

/** Writes `count` completed sessions straight into IndexedDB: attempt n started n minutes into 2025. */
function seedSessions(target: Page, userId: string, packageId: string, count: number, idPrefix: string): Promise<void> {
  return target.evaluate(
    ({ userId, packageId, count, tenant, idPrefix }) =>
      new Promise<void>((done, reject) => {
        const open = indexedDB.open('outpost');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('vrSessions', 'readwrite');
          const store = tx.objectStore('vrSessions');
          for (let n = 1; n <= count; n++) {
            const at = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
            store.add({
              id: `${idPrefix}-0000-4000-8000-${String(n).padStart(12, '0')}`,
              package_id: packageId,
              activity_id: null,
              tenant_id: tenant,
              user_id: userId,
              status: 'completed',
              completion_mode: 'self_report',
              attempts: n,
              download_started_at: null,
              download_completed_at: null,
              first_launch_at: null,
              completed_at: at,
              score: null,
              success_status: null,
              time_spent_seconds: 0,
              self_reported: true,
              created_at: at,
            });
          }
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { userId, packageId, count, tenant: TENANT, idPrefix },
  );
}

/** The "Attempt" fact of every card shown, top to bottom. */
function attemptsShown(page: Page): Promise<string[]> {
  return page.locator('ul.sessions > li article dl').evaluateAll((lists) => lists.map((dl) => dl.querySelectorAll('dd')[2]?.textContent ?? ''));
}

describe('My VR sessions with a long history', () => {
  it('shows the newest 50 of 500 sessions first, loads older ones on demand, and puts a new session on top while open', async () => {
    await importClassList(app.page, {
      tenant_id: TENANT,
      learners: [
        { id: ALICE, display_name: 'Alice Wong' },
        { id: BOB, display_name: 'Bob Chen' },
      ],
    });
    await navLink(app.page, 'VR library').click();
    await app.page.getByLabel('Title').fill('Safety Training VR');
    await app.page.getByLabel('Version').fill('1.0.0');
    await app.page.getByLabel('Quest 3', { exact: true }).check();
    await app.page.getByRole('button', { name: 'Add package' }).click();
    await app.page.getByRole('status').filter({ hasText: '“Safety Training VR” was added.' }).waitFor();
    const [pkg] = await readStore(app.page, 'vrPackages');
    const packageId = String(pkg?.['id']);
    await seedSessions(app.page, ALICE, packageId, 500, '5e550000');
    await seedSessions(app.page, BOB, packageId, 80, '5e551111');

    await leaveInstructorMode(app.page);
    await app.page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await app.page.getByRole('button', { name: 'Alice Wong' }).click();
    await app.page.getByRole('heading', { name: 'My VR sessions' }).waitFor();

    // The newest page: attempts 500 down to 451, none of Bob's.
    await app.page.getByText('Showing your newest 50 sessions.').waitFor();
    expect(await attemptsShown(app.page)).toEqual(Array.from({ length: 50 }, (_, i) => String(500 - i)));

    // Older sessions on demand, the ones shown keep their place.
    await app.page.getByRole('button', { name: 'Show older sessions' }).click();
    await app.page.getByText('Showing your newest 100 sessions.').waitFor();
    expect(await attemptsShown(app.page)).toEqual(Array.from({ length: 100 }, (_, i) => String(500 - i)));

    // A session started while the page is open shows on top at once.
    const row = app.page.getByTestId('start-table').getByRole('row', { name: /Safety Training VR/ });
    await row.getByRole('button', { name: 'Start' }).click();
    await app.page.getByRole('status').filter({ hasText: '“Safety Training VR” started.' }).waitFor();
    const top = app.page.locator('ul.sessions > li').first().getByRole('article');
    await top.getByText('Downloading', { exact: true }).waitFor();
    const shown = await attemptsShown(app.page);
    expect(shown[0]).toBe('501');
    expect(shown.slice(1)).toEqual(Array.from({ length: 99 }, (_, i) => String(500 - i)));

    // Far down the history: every page until the first session, then no more button.
    for (let page = 3; page <= 11; page++) await app.page.getByRole('button', { name: 'Show older sessions' }).click();
    await expect.poll(() => app.page.locator('ul.sessions > li').count()).toBe(501);
    expect((await attemptsShown(app.page)).at(-1)).toBe('1');
    expect(await app.page.getByRole('button', { name: 'Show older sessions' }).count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
