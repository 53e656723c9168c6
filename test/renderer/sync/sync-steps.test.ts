import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markDownloaded, markLaunched } from '../../../renderer/src/data/vr-session-steps';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { startSyncHarness } from '../../support/sync-harness';
import type { SyncHarness } from '../../support/sync-harness';

let h: SyncHarness;
beforeEach(async () => {
  h = await startSyncHarness({ learners: 1, packages: 1 });
});
afterEach(async () => {
  await h.stop();
});

const DOWNLOADED = new Date('2026-03-02T09:05:00.000Z');
const LAUNCHED = new Date('2026-03-02T09:10:00.000Z');

/** A session whose headset steps were recorded while offline, then completed. */
async function sessionWithSteps(): Promise<string> {
  const token = await h.tokenFor(h.learners[0]!);
  const call = (path: string, body: unknown) => h.api(new Request(`http://outpost.local${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  const { session } = (await (await call('/api/vr-sessions', { package_id: h.packages[0] })).json()) as { session: { id: string } };
  const ports = { db: h.db, now: () => new Date(), newId: () => crypto.randomUUID() };
  await markDownloaded(ports, session.id, DOWNLOADED);
  await markLaunched(ports, session.id, LAUNCHED);
  await call(`/api/vr-sessions/${session.id}/complete`, { score: 90 });
  return session.id;
}

const engine = () => new SyncEngine({ db: h.db, remote: h.remote, now: () => new Date(), random: () => 0, concurrency: 4 });

describe('headset steps and the reference server', () => {
  it('reach a remote that implements the PATCH, with their timestamps, never moving the session backwards', async () => {
    await sessionWithSteps();
    const sync = engine();
    await sync.drain();
    expect(sync.steps.support).toBe('supported');
    expect(await sync.drain()).toMatchObject({ waiting: 0, dead: 0 });
    const [remote] = h.server!.inspect.vrSessions();
    expect(remote).toMatchObject({ status: 'completed', download_completed_at: DOWNLOADED.toISOString(), first_launch_at: LAUNCHED.toISOString() });
    expect(h.server!.requests.count('PATCH /api/vr-sessions/:sessionId')).toBe(2);
    expect(await h.db.outbox.where('status').anyOf('held', 'dead').count()).toBe(0);
  });

  it('stay on the kiosk, visible and never dead letters, when the remote lacks it (asked once)', async () => {
    await sessionWithSteps();
    h.server!.faults.answerNext(5, { kind: 'status', status: 404 }, { method: 'PATCH' });
    const sync = engine();
    expect(await sync.drain()).toMatchObject({ dead: 0, waiting: 0 });
    await sync.drain();
    expect(sync.steps.support).toBe('unsupported');
    expect(h.server!.requests.count('PATCH /api/vr-sessions/:sessionId')).toBe(1);
    expect((await h.db.outbox.where('status').equals('held').toArray()).map((op) => op.kind)).toEqual(['vr_session.step', 'vr_session.step']);
    expect(h.server!.effects().vrSessions.completed).toBe(1);
  });
});
