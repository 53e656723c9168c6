import { describe, expect, it } from 'vitest';
import { useAppPerTest } from '../support/e2e-app';
import { enterInstructorMode, leaveInstructorMode, navLink, readStore } from '../support/page-helpers';
import { ALICE } from '../support/local-api-fixture';
import { multiSco12Zip, sequenced2004Zip, single2004Zip } from '../support/scorm-packages';
import { buildRawZip } from '../support/scorm-raw-zip';
import { exitCourse, fixtureZip, importCourse, openCourse, prepareLearner, sessions, signInAlice } from './scorm-helpers';

const app = useAppPerTest();

describe('SCORM courses we built, played in Chromium', () => {
  it('multi-SCO 1.2: launch data and mastery reach the SCO, commits persist, exit and relaunch resume, the session reports what the course did', async () => {
    const page = app.page;
    await prepareLearner(page, [['multi-sco-12.zip', await multiSco12Zip()]]);
    let sco = await openCourse(page, 'Multi-SCO 1.2');
    await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
    expect(await sco.locator('#launch').textContent()).toBe('launch-A');
    expect(await sco.locator('#mastery').textContent()).toBe('80');
    expect(await sco.locator('#learner').textContent()).toBe(ALICE);
    expect(await sco.locator('#entry').textContent()).toBe('ab-initio');
    expect(await sco.locator('#maxtime').textContent()).toBe('00:30:00');
    await sco.locator('#score').fill('90');
    await sco.locator('#answer').click();
    await sco.locator('#commit').click();
    await expect.poll(async () => (await sessions(page))[0]?.cmi_data, { timeout: 10_000 }).toMatchObject({ 'sco:sco_a:cmi.core.lesson_status': 'passed', 'sco:sco_a:cmi.core.score.raw': '90' });
    await exitCourse(page);
    await page.getByText('In progress').waitFor();

    // Continue resumes item A where it was: entry=resume, location and suspend data restored.
    sco = await openCourse(page, 'Multi-SCO 1.2');
    await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
    expect(await sco.locator('#entry').textContent()).toBe('resume');
    expect(await sco.locator('#location').textContent()).toBe('page-90');
    expect(await sco.locator('#suspend').textContent()).toBe('answered=90;A');
    // Finishing a completed SCO moves on to the next one (B, then C), each answered.
    await sco.locator('#finish').click();
    await sco.locator('#name', { hasText: 'B' }).waitFor();
    await sco.locator('#score').fill('70');
    await sco.locator('#status').fill('failed');
    await sco.locator('#answer').click();
    await sco.locator('#finish').click();
    await sco.locator('#name', { hasText: 'C' }).waitFor();
    await sco.locator('#answer').click();
    await sco.locator('#finish').click();
    await page.getByTestId('scorm-player').waitFor({ state: 'detached' });
    // The last SCO's final commit (its session time) may still be on its way to the database when the player closes.
    await expect.poll(async () => (await sessions(page))[0]?.time_spent_seconds).toBe(3 * 90);
    const [session] = await sessions(page);
    // 1.2 "failed" on B: completed, not passed; the score is the mean of the SCOs'.
    expect(session).toMatchObject({ completion_status: 'completed', success_status: 'failed' });
    expect((session?.score as { raw: number }).raw).toBeCloseTo((90 + 70 + 85) / 3);
    expect(session?.time_spent_seconds).toBe(3 * 90);
    await page.getByText('Completed · Not passed').waitFor();
    const puts = (await readStore(page, 'outbox')).filter((op) => op.kind === 'scorm_session.update');
    expect(puts.length).toBeGreaterThanOrEqual(4);
  });

  it('Escape leaves the player like Exit: the course commits first, and focus returns to the course’s button', async () => {
    const page = app.page;
    await prepareLearner(page, [['multi-sco-12.zip', await multiSco12Zip()]]);
    const sco = await openCourse(page, 'Multi-SCO 1.2');
    await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
    await sco.locator('#score').fill('75');
    await sco.locator('#answer').click();
    // Focus back in the app (keys typed in the course's frame stay there), then Escape, with no commit asked for.
    await page.getByTestId('scorm-player').focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('scorm-player').waitFor({ state: 'detached' });
    expect((await sessions(page))[0]?.cmi_data).toMatchObject({ 'sco:sco_a:cmi.core.score.raw': '75' });
    const button = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Multi-SCO 1.2' }) }).getByRole('button', { name: 'Continue' });
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('2004 4th edition: nested organization, table of contents, completion threshold, continue by nav request; every data-model element', async () => {
    const page = app.page;
    await prepareLearner(page, [['seq-2004.zip', await sequenced2004Zip()], ['single-2004.zip', await single2004Zip()]]);
    let sco = await openCourse(page, 'Sequenced 2004');
    expect(await page.getByTestId('scorm-contents').getByRole('button').allTextContents()).toEqual(['Intro', 'Quiz', 'Reading']);
    await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
    expect(await sco.locator('#threshold').textContent()).toBe('0.75');
    expect(await sco.locator('#launch').textContent()).toBe('launch-S1');
    expect(await sco.locator('#maxtime').textContent()).toBe('PT1H');
    await sco.locator('#answer').click();
    await sco.locator('#continue').click();
    await sco.locator('#name', { hasText: 'S2' }).waitFor();
    expect(await sco.locator('#mastery').textContent()).toBe('0.6');
    await page.getByTestId('scorm-contents').getByRole('button', { name: 'Reading' }).click();
    await sco.locator('#reading').waitFor();
    await exitCourse(page);

    sco = await openCourse(page, 'Runtime sweep 2004');
    await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
    await sco.locator('#everything').click();
    await sco.locator('#ready', { hasText: 'everything' }).waitFor();
    // Read-only and write-only elements were refused with SCORM's codes; everything else was accepted.
    expect((await sco.locator('#log').textContent())?.trim().split('\n')).toEqual(['set cmi.learner_id -> error 404', 'get cmi.session_time -> error 405']);
    await expect.poll(async () => (await sessions(page)).find((s) => s.package_id !== undefined && (s.cmi_data as Record<string, string>)['cmi.interactions.0.id'] === 'q1')?.cmi_data).toMatchObject({
      'cmi.comments_from_learner.0.comment': '学习 😀',
      'cmi.objectives.0.success_status': 'passed',
      'cmi.learner_preference.language': 'zh-Hant',
    });
    await exitCourse(page);
    sco = await openCourse(page, 'Runtime sweep 2004');
    await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
    expect(await sco.locator('#entry').textContent()).toBe('resume');
    expect((await sco.locator('#suspend').textContent())?.length).toBe(64_000);
  });

  it('a commit survives the window closing mid-course', async () => {
    const page = app.page;
    await prepareLearner(page, [['single-2004.zip', await single2004Zip()]]);
    const sco = await openCourse(page, 'Runtime sweep 2004');
    await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
    await sco.locator('#score').fill('77');
    await sco.locator('#answer').click();
    await sco.locator('#commit').click();
    // Closed at once: the app may or may not have saved the commit; the shell's journal has it either way.
    await page.close();
    const next = await app.context.newPage();
    await next.goto(app.fixture.host.url);
    await signInAlice(next);
    const again = await openCourse(next, 'Runtime sweep 2004');
    await again.locator('#ready', { hasText: 'initialized' }).waitFor();
    expect(await again.locator('#location').textContent()).toBe('page-77');
    await exitCourse(next);
    expect((await sessions(next))[0]).toMatchObject({ completion_status: 'completed', success_status: 'passed', score: { scaled: 0.77, raw: 77 } });
  });

  it('course content cannot reach the app, the bridge or the network; hostile zips are refused with nothing imported', async () => {
    const page = app.page;
    const bad = buildRawZip([{ name: 'imsmanifest.xml', data: '<manifest/>' }, { name: '../evil.html', data: 'x' }]);
    await importCourse(page, 'evil.zip', bad);
    expect(await page.getByTestId('course-import-error').getAttribute('data-code')).toBe('UNSAFE_PATH');
    expect(await readStore(page, 'scormCourses')).toEqual([]);
    await prepareLearner(page, [['single-2004.zip', await single2004Zip()]]);
    const sco = await openCourse(page, 'Runtime sweep 2004');
    await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
    await sco.locator('#probe').click();
    await sco.locator('#ready', { hasText: 'probed' }).waitFor();
    const results = JSON.parse((await sco.locator('#log').textContent()) ?? '{}') as Record<string, string>;
    expect(results).toMatchObject({ 'top.document': 'blocked', 'top.outpost': 'blocked', 'top.bridge': 'blocked', opener: 'none', network: 'blocked' });
    // A launch URL without its token, or with someone else's, is refused by the course origin.
    const [session] = await sessions(page);
    const shellUrl = await page.getByTestId('scorm-frame').getAttribute('src');
    const bare = (shellUrl ?? '').split('?')[0] ?? '';
    const probe = await page.context().newPage();
    const refused = await probe.goto(bare);
    expect(refused?.status()).toBe(401);
    expect(await probe.textContent('h1')).toBe('Launch link unavailable');
    expect(session?.user_id).toBe(ALICE);
  });

  it('a zip dropped on the SCORM section imports like a chosen one; a dropped file that is not a course is refused in words', async () => {
    const page = app.page;
    await navLink(page, 'VR library').click();
    const zone = page.getByTestId('course-drop-zone');
    const drop = async (name: string, bytes: Buffer, type: string) => {
      const dataTransfer = await page.evaluateHandle(
        ({ base64, fileName, mime }) => {
          const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([data], fileName, { type: mime }));
          return transfer;
        },
        { base64: bytes.toString('base64'), fileName: name, mime: type },
      );
      await zone.dispatchEvent('dragenter', { dataTransfer });
      await expect.poll(() => zone.getAttribute('class')).toBe('drop-zone over');
      await zone.dispatchEvent('drop', { dataTransfer });
    };
    await drop('ContentPackagingSingleSCO_SCORM12.zip', await fixtureZip('ContentPackagingSingleSCO_SCORM12.zip'), 'application/zip');
    await zone.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
    expect(await zone.getAttribute('class')).toBe('drop-zone');
    await expect.poll(async () => (await readStore(page, 'scormCourses')).length).toBe(1);
    await drop('notes.txt', Buffer.from('not a zip at all'), 'text/plain');
    await page.getByTestId('course-import-error').waitFor();
    expect((await page.getByTestId('course-import-error').textContent())?.length).toBeGreaterThan(20);
    expect(await readStore(page, 'scormCourses')).toHaveLength(1);
  });

  it('an instructor deletes a course: told who started it, the files go, learners keep their records but no longer see it', async () => {
    const page = app.page;
    await prepareLearner(page, [['single-2004.zip', await single2004Zip()]]);
    const sco = await openCourse(page, 'Runtime sweep 2004');
    await sco.locator('#ready', { hasText: 'initialized' }).waitFor();
    const shellUrl = (await page.getByTestId('scorm-frame').getAttribute('src')) ?? '';
    await exitCourse(page);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await enterInstructorMode(page);
    await navLink(page, 'VR library').click();
    await page.getByRole('button', { name: 'Delete “Runtime sweep 2004”' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm deleting “Runtime sweep 2004”' });
    await confirm.getByText('1 learner has started it (1 not finished)').waitFor();
    // Keep it: nothing happens.
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await readStore(page, 'scormCourses')).toHaveLength(1);
    await page.getByRole('button', { name: 'Delete “Runtime sweep 2004”' }).click();
    await page.getByRole('button', { name: 'Delete the course' }).click();
    await page.getByRole('status').filter({ hasText: '“Runtime sweep 2004” was deleted from this kiosk.' }).waitFor();
    expect(await readStore(page, 'scormCourses')).toEqual([]);
    expect((await sessions(page)).map((s) => s.user_id)).toEqual([ALICE]);
    // The course origin no longer serves the player, even with a token that has not expired.
    const probe = await page.context().newPage();
    const gone = await probe.goto(shellUrl);
    expect(gone?.status()).toBe(401);
    expect(await probe.textContent('h1')).toBe('Launch link unavailable');
    await probe.close();
    await leaveInstructorMode(page);
    await signInAlice(page);
    await page.getByText('No courses on this kiosk yet.').waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await enterInstructorMode(page);
    // The same zip brings it back.
    await importCourse(page, 'single-2004.zip', await single2004Zip());
    await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
    expect(await readStore(page, 'scormCourses')).toHaveLength(1);
  });
});
