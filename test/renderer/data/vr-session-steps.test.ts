import { describe, expect, it } from 'vitest';
import { markDownloaded, markDownloadStarted, markLaunched } from '../../../renderer/src/data/vr-session-steps';
import { ALICE, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';

async function sessionFixture() {
  const f = await createApiFixture();
  const token = await f.token(ALICE);
  const { body } = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
  return { ...f, token, id: body.session.id as string };
}

const steps = async (f: Awaited<ReturnType<typeof sessionFixture>>) => (await f.db.outbox.orderBy('seq').toArray()).filter((op) => op.kind === 'vr_session.step');

describe('headset steps', () => {
  it('stamps when the transfer started, the verified install and the first launch, each step queued as held', async () => {
    const f = await sessionFixture();
    expect(await markDownloadStarted(f.deps, f.id, new Date('2026-03-02T09:01:00Z'))).toBe('moved');
    expect(await markDownloaded(f.deps, f.id, new Date('2026-03-02T09:05:00Z'))).toBe('moved');
    expect(await markLaunched(f.deps, f.id, new Date('2026-03-02T09:06:00Z'))).toBe('moved');
    expect(await f.db.vrSessions.get(f.id)).toMatchObject({
      status: 'in_progress',
      download_started_at: '2026-03-02T09:01:00.000Z',
      download_completed_at: '2026-03-02T09:05:00.000Z',
      first_launch_at: '2026-03-02T09:06:00.000Z',
    });
    expect((await steps(f)).map((op) => [op.status, op.held_reason, op.acting_user_id, op.depends_on, op.body])).toEqual([
      ['held', 'remote_extension_unsupported', ALICE, [], { status: 'downloaded', download_started_at: '2026-03-02T09:01:00.000Z', download_completed_at: '2026-03-02T09:05:00.000Z', first_launch_at: null }],
      ['held', 'remote_extension_unsupported', ALICE, [], { status: 'in_progress', download_started_at: '2026-03-02T09:01:00.000Z', download_completed_at: '2026-03-02T09:05:00.000Z', first_launch_at: '2026-03-02T09:06:00.000Z' }],
    ]);
  });

  it('moves nothing and queues nothing for a step the status rule refuses', async () => {
    const f = await sessionFixture();
    expect(await markLaunched(f.deps, f.id, new Date('2026-03-02T09:06:00Z'))).toBe('unchanged');
    await markDownloaded(f.deps, f.id, new Date('2026-03-02T09:05:00Z'));
    expect(await markDownloaded(f.deps, f.id, new Date('2026-03-02T09:07:00Z'))).toBe('unchanged');
    expect(await markDownloadStarted(f.deps, f.id, new Date('2026-03-02T09:08:00Z'))).toBe('unchanged');
    expect(await markLaunched(f.deps, 'no-such-session', new Date())).toBe('unchanged');
    expect(await f.db.vrSessions.get(f.id)).toMatchObject({ status: 'downloaded', download_started_at: '2026-03-02T09:00:00.000Z', download_completed_at: '2026-03-02T09:05:00.000Z' });
    expect(await steps(f)).toHaveLength(1);
  });

  it('leaves a completed session alone', async () => {
    const f = await sessionFixture();
    await f.call('POST', `/api/vr-sessions/${f.id}/complete`, { token: f.token, body: {} });
    expect(await markDownloaded(f.deps, f.id, new Date('2026-03-02T09:05:00Z'))).toBe('unchanged');
    expect(await steps(f)).toEqual([]);
  });
});
