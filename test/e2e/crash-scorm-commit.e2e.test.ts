import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CrashRig, crashKills, crashTestTimeout, crashRandom, killAfter } from '../support/crash-harness';
import type { KillTarget } from '../support/crash-harness';
import { RENDERER_DIR } from '../support/e2e-app';
import { readStore } from '../support/page-helpers';
import { single2004Zip } from '../support/scorm-packages';
import { openCourse, prepareLearner, signInAlice } from './scorm-helpers';

const KILLS = crashKills(3);
const COURSE = 'Runtime sweep 2004';

let rig: CrashRig | undefined;
afterAll(async () => {
  await rig?.stop();
});

/** The learner's one session of the course, as stored. */
async function session(page: Page): Promise<Record<string, unknown>> {
  const rows = await readStore(page, 'scormSessions');
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/**
 * A session's stored state agrees with itself and with what waits to be sent: the score is the one the
 * location names (one commit, never half of two), and the queued PUTs carry every version from the first
 * up to the one before the session's, each once (none lost, none twice).
 */
async function expectConsistent(page: Page): Promise<number> {
  const row = await session(page);
  const cmi = row.cmi_data as Record<string, string>;
  const score = Number(cmi['cmi.score.raw']);
  expect(cmi['cmi.location']).toBe(`page-${score}`);
  expect(cmi['cmi.suspend_data']).toMatch(new RegExp(`^answered=${score};`));
  expect(row.score).toMatchObject({ raw: score, scaled: score / 100 });
  const puts = (await readStore(page, 'outbox')).filter((op) => op.kind === 'scorm_session.update' && op.entity_id === row.id);
  const versions = puts.map((op) => (op.body as { version: number }).version).sort((a, b) => a - b);
  expect(new Set(puts.map((op) => op.idempotency_key)).size).toBe(puts.length);
  expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => (versions[0] ?? 0) + i));
  expect(versions.at(-1)).toBe((row.version as number) - 1);
  return score;
}

describe('crash safety: SCORM commits killed at random points', () => {
  it(`after ${KILLS} kills around a commit, the course resumes at the last saved commit or the one cut off, and the session stays consistent`, async () => {
    const random = crashRandom('scorm commit');
    rig = await CrashRig.create({ rendererDir: RENDERER_DIR });
    let page = await rig.start();
    await prepareLearner(page, [['single-2004.zip', await single2004Zip()]]);

    // A first commit, saved for sure, so there is something to resume.
    let sco = await openCourse(page, COURSE);
    await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
    await sco.locator('#score').fill('50');
    await sco.locator('#answer').click();
    await sco.locator('#commit').click();
    await expect.poll(async () => ((await session(page)).cmi_data as Record<string, string>)['cmi.location'], { timeout: 15_000 }).toBe('page-50');
    let saved = 50;

    for (let kill = 1; kill <= KILLS; kill += 1) {
      const score = 50 + kill;
      await sco.locator('#score').fill(String(score));
      await sco.locator('#answer').click();
      await sco.locator('#commit').click();
      const target = random.pick<KillTarget>(['browser', 'browser', 'both', 'host']);
      // Half the kills come within 30 ms, while the commit is still on its way to the app's database.
      const delay = random.next() < 0.5 ? random.between(0, 30) : random.between(30, 400);
      console.log(`[crash] scorm commit: kill ${kill}/${KILLS}: ${target} ${delay} ms after committing ${score} (saved so far: ${saved})`);
      await killAfter(rig, delay, target);
      page = await rig.restart();

      // The learner comes back: the course resumes at the saved commit, or at the one the kill cut off if
      // the app had it (its write-ahead copy is replayed at launch). Never older, never a mix.
      await signInAlice(page);
      sco = await openCourse(page, COURSE);
      await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
      expect(await sco.locator('#entry').textContent()).toBe('resume');
      const location = await sco.locator('#location').textContent();
      expect([`page-${saved}`, `page-${score}`]).toContain(location);
      const stored = await expectConsistent(page);
      expect(`page-${stored}`).toBe(location);
      console.log(`[crash] scorm commit: resumed at ${location}`);
      saved = stored;
    }
    // A commit after all that is saved as any other.
    await sco.locator('#score').fill('99');
    await sco.locator('#answer').click();
    await sco.locator('#commit').click();
    await expect.poll(async () => ((await session(page)).cmi_data as Record<string, string>)['cmi.location'], { timeout: 15_000 }).toBe('page-99');
    expect(await expectConsistent(page)).toBe(99);
    expect(rig.pageErrors).toEqual([]);
  }, crashTestTimeout(KILLS));
});
