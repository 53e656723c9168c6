import { describe, expect, it } from 'vitest';
import { learnerOnHeadset, learnersOnHeadsets } from '../../../renderer/src/cast/cast-learner';
import { recordSideloadUpdate } from '../../../renderer/src/data/sideload-jobs';
import { ALICE, BOB, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';

// The large view names the learner on a headset: the one whose session the newest job on it was for.

async function sessionFor(f: Awaited<ReturnType<typeof createApiFixture>>, learner: string): Promise<string> {
  const { body } = await f.call('POST', '/api/vr-sessions', { token: await f.token(learner), body: { package_id: SAFETY_PKG } });
  return body.session.id as string;
}

function job(id: string, serial: string, session: string | null, at: string) {
  return {
    id,
    serial,
    package_id: SAFETY_PKG,
    vr_session_id: session,
    status: 'queued' as const,
    bytes_total: 10,
    bytes_sent: 0,
    error_code: null,
    error_message: null,
    transfer_started_at: null,
    transfer_completed_at: null,
    at,
  };
}

describe('learner on a headset', () => {
  it('is the learner of the newest job on that headset, with the session status', async () => {
    const f = await createApiFixture();
    const alice = await sessionFor(f, ALICE);
    const bob = await sessionFor(f, BOB);
    await recordSideloadUpdate(f.deps, job('00000000-0000-4000-8000-00000000000a', 'Q1', alice, '2026-03-02T09:00:00.000Z'));
    await recordSideloadUpdate(f.deps, job('00000000-0000-4000-8000-00000000000b', 'Q2', bob, '2026-03-02T09:00:00.000Z'));
    await recordSideloadUpdate(f.deps, job('00000000-0000-4000-8000-00000000000c', 'Q1', bob, '2026-03-02T09:10:00.000Z'));
    // A new session waits for its download; the large view shows that step.
    expect(await learnerOnHeadset(f.deps, 'Q1')).toEqual({ learnerName: 'Bob Chen', sessionStatus: 'downloading' });
    const all = await learnersOnHeadsets(f.deps, ['Q2', 'Q3']);
    expect(all.get('Q2')?.learnerName).toBe('Bob Chen');
    expect(all.get('Q3')).toEqual({ learnerName: null, sessionStatus: null });
  });

  it('names nobody for a job that was for no session', async () => {
    const f = await createApiFixture();
    await recordSideloadUpdate(f.deps, job('00000000-0000-4000-8000-00000000000d', 'Q9', null, '2026-03-02T09:00:00.000Z'));
    expect(await learnerOnHeadset(f.deps, 'Q9')).toEqual({ learnerName: null, sessionStatus: null });
  });
});
