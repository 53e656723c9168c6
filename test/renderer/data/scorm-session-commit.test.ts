import { beforeEach, describe, expect, it } from 'vitest';
import { commitScormRuntime } from '../../../renderer/src/data/scorm-session-commit';
import { launchScormSession } from '../../../renderer/src/data/scorm-session-launch';
import type { RuntimeCommit } from '../../../renderer/src/data/scorm-session-commit';
import { ALICE, BOB, TENANT } from '../../support/local-api-fixture';
import { COURSE_12, COURSE_MULTI, createScormApiFixture } from '../../support/scorm-api-fixture';
import type { ScormApiFixture } from '../../support/scorm-api-fixture';

let f: ScormApiFixture;
const alice = { id: ALICE, tenant_id: TENANT };
beforeEach(async () => {
  f = await createScormApiFixture();
});

const commit = (sessionId: string, c: Partial<RuntimeCommit>) =>
  commitScormRuntime(f.deps, alice, sessionId, { sittingId: 'sit-1', seq: 1, itemId: 'only', cmi: {}, sessionSeconds: 0, ...c });

describe('runtime commits', () => {
  it('persists CMI, maps 1.2 lesson_status and score, counts only new session time, queues one PUT per commit', async () => {
    await launchScormSession(f.deps, alice, COURSE_12, 's');
    const first = await commit('s', { seq: 1, cmi: { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'p2' }, sessionSeconds: 60 });
    expect(first).toMatchObject({ ok: true, applied: true, session: { version: 2, completion_status: 'incomplete', time_spent_seconds: 60 } });
    const second = await commit('s', { seq: 2, cmi: { 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '40', 'cmi.core.score.max': '100', 'cmi.core.score.min': '0' }, sessionSeconds: 90 });
    // 1.2 "failed": the attempt is over (completed) and not passed.
    expect(second).toMatchObject({ ok: true, session: { version: 3, completion_status: 'completed', success_status: 'failed', score: { raw: 40, scaled: 0.4 }, time_spent_seconds: 90 } });
    const puts = (await f.db.outbox.toArray()).filter((op) => op.kind === 'scorm_session.update');
    expect(puts.map((op) => (op.body as { version: number; session_time?: string }).version)).toEqual([1, 2]);
    expect(puts.map((op) => (op.body as { session_time?: string }).session_time)).toEqual(['PT1M', 'PT30S']);
  });

  it('applies a replayed commit (crash, journal) once', async () => {
    await launchScormSession(f.deps, alice, COURSE_12, 's');
    const c = { seq: 1, cmi: { 'cmi.core.lesson_location': 'p9' }, sessionSeconds: 30 };
    await commit('s', c);
    const replay = await commit('s', c);
    expect(replay).toMatchObject({ ok: true, applied: false, session: { version: 2, time_spent_seconds: 30 } });
    // A new sitting counts its time from zero again.
    expect(await commit('s', { sittingId: 'sit-2', seq: 1, cmi: { 'cmi.core.lesson_location': 'p10' }, sessionSeconds: 20 })).toMatchObject({ session: { time_spent_seconds: 50, version: 3 } });
  });

  it('keeps multi-SCO items apart and rolls them up', async () => {
    await launchScormSession(f.deps, alice, COURSE_MULTI, 'm');
    const a = await commitScormRuntime(f.deps, alice, 'm', { sittingId: 'x', seq: 1, itemId: 'a', cmi: { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.8' }, sessionSeconds: 10 });
    expect(a).toMatchObject({ session: { completion_status: 'incomplete', success_status: 'unknown', cmi_data: { 'sco:a:cmi.completion_status': 'completed', 'outpost.current_item': 'a' } } });
    const b = await commitScormRuntime(f.deps, alice, 'm', { sittingId: 'x', seq: 2, itemId: 'b', cmi: { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.6' }, sessionSeconds: 10 });
    expect(b).toMatchObject({ session: { completion_status: 'completed', success_status: 'passed', time_spent_seconds: 20 } });
    expect(b.ok && b.session.score?.scaled).toBeCloseTo(0.7);
  });

  it("refuses another learner's session and an oversized data model", async () => {
    await launchScormSession(f.deps, alice, COURSE_12, 's');
    expect(await commitScormRuntime(f.deps, { id: BOB, tenant_id: TENANT }, 's', { sittingId: 'x', seq: 1, itemId: 'only', cmi: {}, sessionSeconds: 0 })).toEqual({ ok: false, error: 'SESSION_NOT_FOUND' });
    expect(await commit('s', { cmi: { 'cmi.suspend_data': 'x'.repeat(5 * 1024 * 1024) } })).toEqual({ ok: false, error: 'TOO_LARGE' });
    expect((await f.db.scormSessions.get('s'))?.version).toBe(1);
  });

  it('keeps each item\'s total_time as the LMS must: the sum of its sittings, whatever the SCO wrote, from zero on a new attempt', async () => {
    await launchScormSession(f.deps, alice, COURSE_12, 's');
    const total = async () => (await f.db.scormSessions.get('s'))?.cmi_data['cmi.core.total_time'];
    // Sitting 1 launched with no total; two commits, the SCO claiming a total of its own.
    await commit('s', { sittingId: 'one', seq: 1, sessionSeconds: 60, launchTotalSeconds: 0, cmi: { 'cmi.core.total_time': '0099:00:00' } });
    expect(await total()).toBe('0000:01:00');
    await commit('s', { sittingId: 'one', seq: 2, sessionSeconds: 150, launchTotalSeconds: 0 });
    expect(await total()).toBe('0000:02:30');
    // Sitting 2 was launched with that total.
    await commit('s', { sittingId: 'two', seq: 1, sessionSeconds: 45, launchTotalSeconds: 150 });
    expect(await total()).toBe('0000:03:15');
    // A commit replayed without its launch (a later sitting's journal): the stored total less what this sitting already counted.
    await commit('s', { sittingId: 'two', seq: 2, sessionSeconds: 75 });
    expect(await total()).toBe('0000:03:45');
    await commit('s', { sittingId: 'three', seq: 1, sessionSeconds: 15 });
    expect(await total()).toBe('0000:04:00');
    // A new attempt starts from an empty data model: launched with no total.
    await commit('s', { sittingId: 'four', seq: 1, sessionSeconds: 20, launchTotalSeconds: 0 });
    expect(await total()).toBe('0000:00:20');
  });

  it('writes 2004 totals as ISO durations, per item in a multi-SCO course', async () => {
    await launchScormSession(f.deps, alice, COURSE_MULTI, 'm');
    await commitScormRuntime(f.deps, alice, 'm', { sittingId: 'x', seq: 1, itemId: 'a', cmi: {}, sessionSeconds: 3725, launchTotalSeconds: 0 });
    await commitScormRuntime(f.deps, alice, 'm', { sittingId: 'y', seq: 1, itemId: 'b', cmi: {}, sessionSeconds: 30, launchTotalSeconds: 0 });
    const cmi = (await f.db.scormSessions.get('m'))?.cmi_data ?? {};
    expect([cmi['sco:a:cmi.total_time'], cmi['sco:b:cmi.total_time']]).toEqual(['PT1H2M5S', 'PT30S']);
  });
});
