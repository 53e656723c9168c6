import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCatalogSeed } from '../reference-server/catalog-seed';
import { startReferenceServer } from '../reference-server/server';
import { CrashRig, crashKills, crashTestTimeout, crashRandom, freePort, killAfter, startReferenceChild } from '../support/crash-harness';
import type { KillTarget, ReferenceChild } from '../support/crash-harness';
import { RENDERER_DIR } from '../support/e2e-app';
import { navLink, readStore } from '../support/page-helpers';

const KILLS = crashKills(4);
const LEARNERS = ['Alice Wong', 'Bob Chen'] as const;
const PACKAGES = ['Safety Training VR', 'Chemistry Lab'] as const;

let rig: CrashRig | undefined;
let reference: ReferenceChild | undefined;
afterAll(async () => {
  await reference?.stop();
  await rig?.stop();
});

/** The instructor points the kiosk at the API and pulls the class and library. */
async function connect(page: Page, url: string, token: string): Promise<void> {
  await navLink(page, 'Sync').click();
  await page.getByLabel('API address').fill(url);
  await page.getByRole('button', { name: 'Save address' }).click();
  await page.getByRole('status').filter({ hasText: 'Address saved.' }).waitFor();
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Save token' }).click();
  await page.getByRole('status').filter({ hasText: 'Token accepted: signed in.' }).waitFor();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByTestId('catalog-pull').waitFor({ timeout: 30_000 });
}

/** A learner signs in and starts and completes a session of each given package: two writes each to send. */
async function recordWork(page: Page, learner: string, packages: readonly string[]): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: learner }).click();
  await page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
  for (const title of packages) {
    await page.getByTestId('start-table').getByRole('row', { name: new RegExp(title) }).getByRole('button', { name: 'Start' }).click();
    await page.getByRole('status').filter({ hasText: `“${title}” started.` }).waitFor();
    const card = page.getByRole('article', { name: title }).first();
    await card.getByRole('button', { name: 'Mark as completed' }).click();
    await card.getByText('Completed', { exact: true }).first().waitFor();
  }
}

async function unsent(page: Page): Promise<number> {
  return (await readStore(page, 'outbox')).filter((op) => op.status === 'pending' || op.status === 'in_flight').length;
}

describe('crash safety: a sync drain killed at random points', () => {
  it(`after ${KILLS} kills of the host and the browser mid-drain, every write reaches the API exactly once`, async () => {
    const random = crashRandom('sync drain');
    rig = await CrashRig.create({ rendererDir: RENDERER_DIR });
    const serverDir = join(rig.dir, 'server');
    const seed = defaultCatalogSeed();
    // Every request waits before the server writes and its answer after, so a drain of a few writes spans
    // a second or more and a kill can land before a write or between the write and the kiosk hearing of it.
    reference = await startReferenceChild(serverDir, seed, { port: await freePort(), slowMs: 40, answerDelayMs: 300 });
    let page = await rig.start();
    await connect(page, reference.url, reference.deviceToken);

    // Every session the test saw completed on screen before a kill, as "learner / package".
    const recorded: string[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      const learner = random.pick(LEARNERS);
      const packages = random.next() < 0.5 ? PACKAGES : [random.pick(PACKAGES)];
      await recordWork(page, learner, packages);
      recorded.push(...packages.map((title) => `${learner} / ${title}`));
      const target = random.pick<KillTarget>(['host', 'browser', 'both']);
      const delay = random.between(0, 1200);
      console.log(`[crash] sync drain: kill ${kill + 1}/${KILLS}: ${target} ${delay} ms after ${learner}'s writes (${await unsent(page)} waiting)`);
      await killAfter(rig, delay, target);
      page = await rig.restart();
    }

    // After the last restart the drain finishes by itself.
    // Writes that failed at several kills wait out their backoff (up to 5 minutes after many failures).
    await expect.poll(() => unsent(page), { timeout: Math.max(60_000, KILLS * 15_000), interval: 500 }).toBe(0);
    const outbox = await readStore(page, 'outbox');
    expect(outbox.filter((op) => op.status === 'dead').map((op) => [op.kind, op.last_error])).toEqual([]);
    const local = await readStore(page, 'vrSessions');
    const idMap = (await readStore(page, 'idMap')).filter((row) => row.entity === 'vr_session');
    const remoteIdOf = new Map(idMap.map((row) => [row.local_id as string, row.remote_id as string]));
    // Exactly the sessions the test recorded, each once: none lost to a kill, none doubled by a resend.
    const nameOf = new Map((await readStore(page, 'learners')).map((row) => [row.id as string, row.display_name as string]));
    const titleOf = new Map((await readStore(page, 'vrPackages')).map((row) => [row.id as string, row.title as string]));
    const label = (session: Record<string, unknown>) => `${nameOf.get(session.user_id as string) ?? String(session.user_id)} / ${titleOf.get(session.package_id as string) ?? String(session.package_id)}`;
    expect(local.map(label).sort()).toEqual([...recorded].sort());
    expect(local.every((session) => session.status === 'completed')).toBe(true);
    expect(local.every((session) => remoteIdOf.has(session.id as string))).toBe(true);

    // The server's own account, read from its data after it stopped: one remote session per local one
    // (none lost, none twice), completed exactly where the kiosk completed it.
    const relayed = await reference.stop();
    reference = undefined;
    console.log(`[crash] sync drain: ${relayed?.requests} requests, ${relayed?.replayed} writes answered from the idempotency store (resent after a kill)`);
    const server = await startReferenceServer({ dataDir: serverDir, seed });
    try {
      const remote = server.inspect.vrSessions();
      expect(remote).toHaveLength(recorded.length);
      expect(new Set(remote.map((s) => s.id)).size).toBe(recorded.length);
      expect(remote.map((s) => s.id).sort()).toEqual(local.map((session) => remoteIdOf.get(session.id as string)).sort());
      const remoteById = new Map(remote.map((s) => [s.id, s]));
      for (const session of local) {
        const twin = remoteById.get(remoteIdOf.get(session.id as string) ?? '');
        expect({ user: twin?.user_id, pkg: twin?.package_id, status: twin?.status }).toEqual({ user: session.user_id, pkg: session.package_id, status: session.status });
      }
      expect(server.inspect.integrity()).toBe('ok');
      expect(server.inspect.errors()).toEqual([]);
    } finally {
      await server.stop();
    }
  }, crashTestTimeout(KILLS));
});
