import { beforeEach, describe, expect, it } from 'vitest';
import { commitScormRuntime } from '../../../renderer/src/data/scorm-session-commit';
import { launchScormSession } from '../../../renderer/src/data/scorm-session-launch';
import { saveScormSequencing } from '../../../renderer/src/data/scorm-session-sequencing';
import { SEQUENCING_STATE_KEY } from '../../../shared/scorm/sequencing-state';
import { ALICE, BOB, TENANT } from '../../support/local-api-fixture';
import { COURSE_MULTI, createScormApiFixture } from '../../support/scorm-api-fixture';
import type { ScormApiFixture } from '../../support/scorm-api-fixture';

let f: ScormApiFixture;
const alice = { id: ALICE, tenant_id: TENANT };
const puts = async () => (await f.db.outbox.toArray()).filter((op) => op.kind === 'scorm_session.update');

beforeEach(async () => {
  f = await createScormApiFixture();
  await launchScormSession(f.deps, alice, COURSE_MULTI, 'm');
});

describe('sequencing state with the session', () => {
  it('a commit carries the engine\'s state, and the course status is the root activity\'s (authored rollup), not the default', async () => {
    // Only item a is done; the default rollup would say incomplete, the course's own rule says completed and passed.
    const saved = await commitScormRuntime(f.deps, alice, 'm', {
      sittingId: 's1',
      seq: 1,
      itemId: 'a',
      cmi: { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed' },
      sessionSeconds: 5,
      sequencing: { state: '{"f":1}', completion_status: 'completed', success_status: 'passed' },
    });
    expect(saved).toMatchObject({ ok: true, session: { completion_status: 'completed', success_status: 'passed', cmi_data: { [SEQUENCING_STATE_KEY]: '{"f":1}' } } });
    expect((await puts()).at(-1)?.body).toMatchObject({ completion_status: 'completed', success_status: 'passed', cmi_data: { [SEQUENCING_STATE_KEY]: '{"f":1}' } });
    // The engine not knowing yet keeps what the session had: completion never moves back, success stays.
    const later = await commitScormRuntime(f.deps, alice, 'm', { sittingId: 's1', seq: 2, itemId: 'a', cmi: { 'cmi.completion_status': 'incomplete' }, sessionSeconds: 6, sequencing: { state: '{"f":2}', success_status: 'unknown' } });
    expect(later).toMatchObject({ session: { completion_status: 'completed', success_status: 'passed' } });
  });

  it('saves a state no commit carried, once: the same state again writes nothing', async () => {
    const first = await saveScormSequencing(f.deps, alice, 'm', { state: '{"s":1}', completion_status: 'incomplete', success_status: 'unknown' });
    expect(first).toEqual({ ok: true, saved: true });
    expect(await f.db.scormSessions.get('m')).toMatchObject({ version: 2, completion_status: 'incomplete', cmi_data: { [SEQUENCING_STATE_KEY]: '{"s":1}' } });
    expect(await saveScormSequencing(f.deps, alice, 'm', { state: '{"s":1}', completion_status: 'incomplete', success_status: 'unknown' })).toEqual({ ok: true, saved: false });
    expect((await f.db.scormSessions.get('m'))?.version).toBe(2);
    expect((await puts()).map((op) => (op.body as { version: number }).version)).toEqual([1]);
  });

  it('a new attempt that has not committed drops the item\'s previous attempt data, and only that item\'s', async () => {
    await commitScormRuntime(f.deps, alice, 'm', { sittingId: 's1', seq: 1, itemId: 'a', cmi: { 'cmi.location': 'old', 'cmi.success_status': 'failed' }, sessionSeconds: 1 });
    await commitScormRuntime(f.deps, alice, 'm', { sittingId: 's2', seq: 1, itemId: 'b', cmi: { 'cmi.location': 'b1' }, sessionSeconds: 1 });
    expect(await saveScormSequencing(f.deps, alice, 'm', { state: '{"s":2}', success_status: 'unknown' }, 'a')).toEqual({ ok: true, saved: true });
    const cmi = (await f.db.scormSessions.get('m'))?.cmi_data ?? {};
    expect(Object.keys(cmi).filter((key) => key.startsWith('sco:a:'))).toEqual([]);
    expect(cmi['sco:b:cmi.location']).toBe('b1');
  });

  it('refuses another learner\'s session and an oversized state', async () => {
    expect(await saveScormSequencing(f.deps, { id: BOB, tenant_id: TENANT }, 'm', { state: '{}', success_status: 'unknown' })).toEqual({ ok: false, error: 'SESSION_NOT_FOUND' });
    expect(await saveScormSequencing(f.deps, alice, 'm', { state: 'x'.repeat(5 * 1024 * 1024), success_status: 'unknown' })).toEqual({ ok: false, error: 'TOO_LARGE' });
    expect((await f.db.scormSessions.get('m'))?.version).toBe(1);
  });
});
