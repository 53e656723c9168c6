import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitScormRuntime } from '../../../renderer/src/data/scorm-session-commit';
import { launchScormSession } from '../../../renderer/src/data/scorm-session-launch';
import { scormConflictResolver } from '../../../renderer/src/sync/scorm-conflict';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { SEED_TENANT } from '../../reference-server/catalog-seed';
import { testCourse } from '../../support/scorm-api-fixture';
import { startSyncHarness } from '../../support/sync-harness';
import type { SyncHarness } from '../../support/sync-harness';

const COURSE = 'pkg-00112233445566778899aabb';
let h: SyncHarness;
let ports: Parameters<typeof launchScormSession>[0];
beforeEach(async () => {
  h = await startSyncHarness({ learners: 1, packages: 1, scormPackageIds: [COURSE] });
  await h.db.scormCourses.add({ ...testCourse(COURSE, '1.2', ['only']), tenant_id: null, imported_at: new Date().toISOString() });
  ports = { db: h.db, now: () => new Date(), newId: () => crypto.randomUUID() };
});
afterEach(async () => h.stop());

const engine = () => new SyncEngine({ db: h.db, remote: h.remote, now: () => new Date(), random: () => 0.5, concurrency: 4, resolveConflict: scormConflictResolver(h.db) });

describe('SCORM sessions reach the reference server', () => {
  it('replays the launch and every commit in order; the remote ends with the kiosk\'s CMI, status, score, time and version', async () => {
    const learner = { id: h.learners[0]!, tenant_id: SEED_TENANT };
    await launchScormSession(ports, learner, COURSE, 'kiosk-session-1');
    await commitScormRuntime(ports, learner, 'kiosk-session-1', { sittingId: 's1', seq: 1, itemId: 'only', cmi: { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': '3' }, sessionSeconds: 120 });
    await commitScormRuntime(ports, learner, 'kiosk-session-1', { sittingId: 's1', seq: 2, itemId: 'only', cmi: { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '88', 'cmi.core.lesson_location': '9' }, sessionSeconds: 300 });
    expect(await engine().drain()).toMatchObject({ state: 'idle', delivered: 3, dead: 0 });
    const [remote] = h.server!.inspect.scormSessions();
    const local = await h.db.scormSessions.get('kiosk-session-1');
    expect(remote).toMatchObject({ id: 'kiosk-session-1', user_id: learner.id, package_id: COURSE, version: 3, completion_status: 'completed', success_status: 'passed', time_spent_seconds: 300, score: { raw: 88, scaled: 0.88 } });
    expect(remote?.cmi_data).toEqual(local?.cmi_data);
    expect(local?.version).toBe(3);
  });

  it('a 409 from the remote (another device saved first) is merged and retried', async () => {
    const learner = { id: h.learners[0]!, tenant_id: SEED_TENANT };
    await launchScormSession(ports, learner, COURSE, 'kiosk-session-2');
    expect(await engine().drain()).toMatchObject({ delivered: 1 });
    h.server!.faults.scormConflictNext({ sessionId: 'kiosk-session-2', cmi: { 'cmi.core.lesson_status': 'completed', 'cmi.comments': 'from the tablet' } });
    await commitScormRuntime(ports, learner, 'kiosk-session-2', { sittingId: 's', seq: 1, itemId: 'only', cmi: { 'cmi.core.lesson_status': 'incomplete', 'cmi.suspend_data': 'page=4' }, sessionSeconds: 60 });
    expect(await engine().drain()).toMatchObject({ state: 'idle', delivered: 1, dead: 0 });
    expect(h.server!.faults.injected.scormConflicts).toBe(1);
    const [remote] = h.server!.inspect.scormSessions();
    // Both devices' elements survive; the status never moves back from the other device's "completed".
    expect(remote?.cmi_data).toMatchObject({ 'cmi.comments': 'from the tablet', 'cmi.suspend_data': 'page=4', 'cmi.core.lesson_status': 'completed' });
    expect(remote).toMatchObject({ version: 3, time_spent_seconds: 60 });
    // The kiosk's copy takes the merged session: the learner resumes with the tablet's data too, and the
    // next commit names the remote's version, so it goes through without another conflict.
    const local = await h.db.scormSessions.get('kiosk-session-2');
    expect(local?.cmi_data).toEqual(remote?.cmi_data);
    expect(local).toMatchObject({ version: 3, completion_status: remote?.completion_status, time_spent_seconds: 60 });
    // The next sitting resumes from the copy: the run-time commits the whole data model it was given.
    await commitScormRuntime(ports, learner, 'kiosk-session-2', { sittingId: 's2', seq: 1, itemId: 'only', cmi: { ...local?.cmi_data, 'cmi.core.lesson_location': '7' }, sessionSeconds: 30 });
    expect(await engine().drain()).toMatchObject({ state: 'idle', delivered: 1, dead: 0 });
    expect(h.server!.faults.injected.scormConflicts).toBe(1);
    const [after] = h.server!.inspect.scormSessions();
    expect(after).toMatchObject({ version: 4, time_spent_seconds: 90 });
    expect(after?.cmi_data).toMatchObject({ 'cmi.comments': 'from the tablet', 'cmi.core.lesson_location': '7' });
    expect((await h.db.scormSessions.get('kiosk-session-2'))?.version).toBe(4);
  });

  it('with two commits waiting, the first merge leaves the copy to the second, whose own merge brings it up to date', async () => {
    const learner = { id: h.learners[0]!, tenant_id: SEED_TENANT };
    await launchScormSession(ports, learner, COURSE, 'kiosk-session-3');
    expect(await engine().drain()).toMatchObject({ delivered: 1 });
    h.server!.faults.scormConflictNext({ sessionId: 'kiosk-session-3', cmi: { 'cmi.comments': 'from the tablet' } });
    await commitScormRuntime(ports, learner, 'kiosk-session-3', { sittingId: 's', seq: 1, itemId: 'only', cmi: { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': '2' }, sessionSeconds: 30 });
    await commitScormRuntime(ports, learner, 'kiosk-session-3', { sittingId: 's', seq: 2, itemId: 'only', cmi: { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90', 'cmi.core.lesson_location': '5' }, sessionSeconds: 75 });
    // The second commit was made on the kiosk after the first: once the first is merged, the second is
    // rebased on the remote's answer and applies as it is, the tablet's element kept.
    expect(await engine().drain()).toMatchObject({ state: 'idle', delivered: 2, dead: 0 });
    expect(h.server!.faults.injected.scormConflicts).toBe(1);
    const [remote] = h.server!.inspect.scormSessions();
    const local = await h.db.scormSessions.get('kiosk-session-3');
    expect(remote?.cmi_data).toMatchObject({ 'cmi.comments': 'from the tablet', 'cmi.core.lesson_location': '5', 'cmi.core.score.raw': '90', 'cmi.core.lesson_status': 'passed' });
    expect(local?.cmi_data).toEqual(remote?.cmi_data);
    expect(local?.version).toBe(remote?.version);
    expect(local).toMatchObject({ completion_status: 'completed', success_status: 'passed', time_spent_seconds: 75 });
  });
});
