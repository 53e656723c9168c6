import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCatalogSeed } from '../reference-server/catalog-seed';
import type { CatalogSeed } from '../reference-server/catalog-seed';
import { CrashRig, crashKills, crashTestTimeout, crashRandom, freePort, killAfter, startReferenceChild } from '../support/crash-harness';
import type { KillTarget, ReferenceChild } from '../support/crash-harness';
import { RENDERER_DIR } from '../support/e2e-app';
import { enterInstructorMode, navLink, readStore } from '../support/page-helpers';

const KILLS = crashKills(3);

let rig: CrashRig | undefined;
let reference: ReferenceChild | undefined;
afterAll(async () => {
  await reference?.stop();
  await rig?.stop();
});

/**
 * Catalog number n: the seed's class, library, activities and lessons, every title marked with n, and one
 * more learner, package and activity per n. A pull never deletes, so catalog n+1 only adds and renames.
 */
function catalog(n: number): CatalogSeed {
  const seed = defaultCatalogSeed();
  const id = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const extra = Array.from({ length: n }, (_, i) => i + 1);
  return {
    ...seed,
    learners: [...seed.learners.map((l) => ({ ...l, display_name: `${l.display_name} ${n}` })), ...extra.map((i) => ({ id: id('1ea40000', i), display_name: `Learner ${i}`, role: 'learner' as const }))],
    vr_packages: [...seed.vr_packages.map((p) => ({ ...p, title: `${p.title} ${n}` })), ...extra.map((i) => ({ id: id('9ac00000', i), title: `Package ${i}`, version: '1.0.0', target_platforms: ['quest3' as const] }))],
    activities: [
      ...seed.activities.map((a) => ({ ...a, title: `${a.title} ${n}` })),
      ...extra.map((i) => ({ id: id('ac100000', i), title: `Drill ${i}`, type: 'vr_apk' as const, vr_package_id: id('9ac00000', i) })),
    ],
    lessons: seed.lessons.map((l) => ({ ...l, title: { ...l.title, en: `${l.title?.en ?? l.id} ${n}` } })),
  };
}

/** What a catalog looks like on the kiosk: ids and names per table, sorted. */
function expected(seed: CatalogSeed) {
  return {
    learners: seed.learners.map((l) => `${l.id} ${l.display_name}`).sort(),
    packages: seed.vr_packages.map((p) => `${p.id} ${p.title}`).sort(),
    activities: seed.activities.map((a) => `${a.id} ${a.title}`).sort(),
    lessons: seed.lessons.map((l) => `${l.id} ${l.title?.en ?? l.id}`).sort(),
  };
}

async function onKiosk(page: Page) {
  const [learners, packages, activities, lessons] = await Promise.all(['learners', 'vrPackages', 'activities', 'lessons'].map((store) => readStore(page, store)));
  return {
    learners: learners!.map((l) => `${String(l.id)} ${String(l.display_name)}`).sort(),
    packages: packages!.map((p) => `${String(p.id)} ${String(p.title)}`).sort(),
    activities: activities!.map((a) => `${String(a.id)} ${String(a.title)}`).sort(),
    lessons: lessons!.map((l) => `${String(l.id)} ${String((l.title as { en: string }).en)}`).sort(),
  };
}

async function syncNow(page: Page): Promise<void> {
  await navLink(page, 'Sync').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
}

describe('crash safety: a catalog pull killed at random points', () => {
  it(`after ${KILLS} kills mid-pull the kiosk holds the old catalog or the new one, never a mix, and the next pull brings the new one`, async () => {
    const random = crashRandom('catalog pull');
    rig = await CrashRig.create({ rendererDir: RENDERER_DIR });
    const serverDir = join(rig.dir, 'server');
    const port = await freePort();
    // Each of the pull's four GETs waits, so the pull spans a second or more.
    const slowMs = 150;
    reference = await startReferenceChild(serverDir, catalog(0), { port, slowMs });
    let page = await rig.start();
    await navLink(page, 'Sync').click();
    await page.getByLabel('API address').fill(reference.url);
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByRole('status').filter({ hasText: 'Address saved.' }).waitFor();
    await page.getByLabel('Access token').fill(reference.deviceToken);
    await page.getByRole('button', { name: 'Save token' }).click();
    await page.getByRole('status').filter({ hasText: 'Token accepted: signed in.' }).waitFor();
    await syncNow(page);
    await expect.poll(() => onKiosk(page), { timeout: 30_000 }).toEqual(expected(catalog(0)));

    for (let n = 1; n <= KILLS; n += 1) {
      // The remote's catalog moves on to n (same data folder and port: the kiosk's token still works).
      await reference.stop();
      reference = await startReferenceChild(serverDir, catalog(n), { port, slowMs });
      const target = random.pick<KillTarget>(['host', 'browser', 'both']);
      const delay = random.between(0, 2200);
      await syncNow(page);
      console.log(`[crash] catalog pull: kill ${n}/${KILLS}: ${target} ${delay} ms into the pull of catalog ${n}`);
      await killAfter(rig, delay, target);
      page = await rig.restart();
      // Whole catalogs only: the one before or this one (the app may already have pulled again by itself).
      const seen = await onKiosk(page);
      expect([expected(catalog(n - 1)), expected(catalog(n))]).toContainEqual(seen);
      console.log(`[crash] catalog pull: after restart the kiosk holds catalog ${JSON.stringify(seen) === JSON.stringify(expected(catalog(n))) ? n : n - 1}`);
      // And pulling again works: the instructor asks, the kiosk ends on catalog n.
      await enterInstructorMode(page);
      await syncNow(page);
      await expect.poll(() => onKiosk(page), { timeout: 30_000 }).toEqual(expected(catalog(n)));
    }
    expect(rig.pageErrors).toEqual([]);
  }, crashTestTimeout(KILLS));
});
