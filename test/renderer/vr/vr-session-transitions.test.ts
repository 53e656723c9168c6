import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../../shared/vr/vr-session-status';
import { transitionVrSession } from '../../../renderer/src/vr/vr-session-transitions';
import { ALICE, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';

describe('transitionVrSession', () => {
  it('stamps download_completed_at, then first_launch_at, and never moves the first launch', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const { body } = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    const downloaded = await transitionVrSession(f.db, body.session.id, 'downloaded', new Date('2026-03-02T09:05:00Z'));
    expect(downloaded).toMatchObject({ status: 'downloaded', download_completed_at: '2026-03-02T09:05:00.000Z' });
    const launched = await transitionVrSession(f.db, body.session.id, 'in_progress', new Date('2026-03-02T09:06:00Z'));
    expect(launched).toMatchObject({ status: 'in_progress', first_launch_at: '2026-03-02T09:06:00.000Z' });
  });

  it('refuses an illegal step and stores nothing', async () => {
    const f = await createApiFixture();
    const token = await f.token(ALICE);
    const { body } = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
    await expect(transitionVrSession(f.db, body.session.id, 'in_progress', new Date())).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await f.db.vrSessions.get(body.session.id)).toMatchObject({ status: 'downloading', first_launch_at: null });
  });
});
