import { describe, expect, it } from 'vitest';
import type { SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import { ok } from '../../../shared/ipc/result';
import { recordSideloadUpdate } from '../../../renderer/src/data/sideload-jobs';
import { startSideloadTracker } from '../../../renderer/src/headsets/sideload-tracker';
import { ALICE, SAFETY_PKG, createApiFixture } from '../../support/local-api-fixture';
import { JOB, QUEST3, successfulInstall, updateSequence } from './headset-fixtures';

async function sessionFixture() {
  const f = await createApiFixture();
  const token = await f.token(ALICE);
  const { body } = await f.call('POST', '/api/vr-sessions', { token, body: { package_id: SAFETY_PKG } });
  return { ...f, sessionId: body.session.id as string, startedAt: body.session.download_started_at as string };
}

describe('recordSideloadUpdate', () => {
  it('keeps one row per job, created when first seen and updated by every event', async () => {
    const f = await sessionFixture();
    const updates = successfulInstall(null);
    await recordSideloadUpdate(f.deps, updates[1]!);
    expect(await f.db.sideloadJobs.toArray()).toEqual([
      expect.objectContaining({ id: JOB, serial: QUEST3, status: 'transferring', bytes_sent: 0, created_at: '2026-03-02T09:01:00.000Z' }),
    ]);
    for (const update of updates.slice(2)) await recordSideloadUpdate(f.deps, update);
    expect(await f.db.sideloadJobs.toArray()).toEqual([
      {
        id: JOB,
        serial: QUEST3,
        package_id: SAFETY_PKG,
        vr_session_id: null,
        status: 'done',
        bytes_total: 8_000_000,
        bytes_sent: 8_000_000,
        error_code: null,
        error_message: null,
        created_at: '2026-03-02T09:01:00.000Z',
        updated_at: '2026-03-02T09:05:00.000Z',
      },
    ]);
  });

  it('moves the learner session to downloaded with the transfer completion time, download_started_at being when the transfer started', async () => {
    const f = await sessionFixture();
    const updates = successfulInstall(f.sessionId);
    for (const update of updates.slice(0, -1)) await recordSideloadUpdate(f.deps, update);
    expect(await f.db.vrSessions.get(f.sessionId)).toMatchObject({ status: 'downloading', download_completed_at: null });
    await recordSideloadUpdate(f.deps, updates.at(-1)!);
    expect(await f.db.vrSessions.get(f.sessionId)).toMatchObject({
      status: 'downloaded',
      download_started_at: '2026-03-02T09:01:00.000Z',
      download_completed_at: '2026-03-02T09:05:00.000Z',
    });
    expect(f.startedAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('takes the first update past queued as the transfer start when main sent no transfer_started_at', async () => {
    const f = await sessionFixture();
    const updates = updateSequence(f.sessionId, [
      { at: '2026-03-02T09:01:00.000Z' },
      { status: 'transferring', at: '2026-03-02T09:02:00.000Z' },
      { status: 'installing', at: '2026-03-02T09:03:00.000Z' },
    ]);
    for (const update of updates) await recordSideloadUpdate(f.deps, update);
    expect(await f.db.vrSessions.get(f.sessionId)).toMatchObject({ status: 'downloading', download_started_at: '2026-03-02T09:02:00.000Z' });
  });

  it('queues the downloaded step for the remote as a held operation, in the same write', async () => {
    const f = await sessionFixture();
    for (const update of successfulInstall(f.sessionId)) await recordSideloadUpdate(f.deps, update);
    const steps = (await f.db.outbox.toArray()).filter((op) => op.kind === 'vr_session.step');
    expect(steps).toEqual([
      expect.objectContaining({
        status: 'held',
        held_reason: 'remote_extension_unsupported',
        method: 'PATCH',
        path: `/api/vr-sessions/local:vr_session:${f.sessionId}`,
        body: { status: 'downloaded', download_started_at: '2026-03-02T09:01:00.000Z', download_completed_at: '2026-03-02T09:05:00.000Z', first_launch_at: null },
      }),
    ]);
  });

  it('counts an app already on the headset (skipped) as downloaded', async () => {
    const f = await sessionFixture();
    const [skipped] = updateSequence(f.sessionId, [{ status: 'skipped', at: '2026-03-02T09:01:00.000Z' }]);
    await recordSideloadUpdate(f.deps, skipped!);
    expect(await f.db.vrSessions.get(f.sessionId)).toMatchObject({ status: 'downloaded', download_completed_at: '2026-03-02T09:01:00.000Z' });
  });

  it('leaves the session alone when the install fails or is cancelled', async () => {
    const f = await sessionFixture();
    const [failed] = updateSequence(f.sessionId, [{ status: 'failed', error_code: 'PLATFORM_MISMATCH', error_message: 'not for Quest 3S', at: '2026-03-02T09:01:00.000Z' }]);
    await recordSideloadUpdate(f.deps, failed!);
    expect(await f.db.vrSessions.get(f.sessionId)).toMatchObject({ status: 'downloading', download_completed_at: null });
    expect(await f.db.sideloadJobs.get(JOB)).toMatchObject({ status: 'failed', error_code: 'PLATFORM_MISMATCH', error_message: 'not for Quest 3S' });
  });

  it('skips a session already past downloading, without an illegal step and without losing the job row', async () => {
    const f = await sessionFixture();
    await f.db.vrSessions.update(f.sessionId, { status: 'in_progress', download_completed_at: '2026-03-01T08:00:00.000Z', first_launch_at: '2026-03-01T08:01:00.000Z' });
    await recordSideloadUpdate(f.deps, successfulInstall(f.sessionId).at(-1)!);
    expect(await f.db.vrSessions.get(f.sessionId)).toMatchObject({ status: 'in_progress', download_completed_at: '2026-03-01T08:00:00.000Z' });
    expect(await f.db.sideloadJobs.get(JOB)).toMatchObject({ status: 'done' });
  });

  it('never lets a late event undo a later status', async () => {
    const f = await sessionFixture();
    const updates = successfulInstall(null);
    await recordSideloadUpdate(f.deps, updates.at(-1)!);
    await recordSideloadUpdate(f.deps, updates[2]!);
    expect(await f.db.sideloadJobs.get(JOB)).toMatchObject({ status: 'done', bytes_sent: 8_000_000 });
  });
});

describe('startSideloadTracker', () => {
  it('writes events in the order they arrived, however fast they come', async () => {
    const f = await sessionFixture();
    const listeners = new Set<(update: SideloadUpdate) => void>();
    const events = {
      on(_channel: 'sideload:progress', listener: (update: SideloadUpdate) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      invoke: async () => ok({ jobs: [] as SideloadUpdate[] }),
    };
    const errors: unknown[] = [];
    const { stop } = startSideloadTracker(events, f.db, (e) => errors.push(e));
    for (const update of successfulInstall(f.sessionId)) for (const listener of listeners) listener(update);
    await expect.poll(async () => (await f.db.vrSessions.get(f.sessionId))?.status).toBe('downloaded');
    expect(await f.db.sideloadJobs.get(JOB)).toMatchObject({ status: 'done', created_at: '2026-03-02T09:01:00.000Z' });
    stop();
    expect(listeners.size).toBe(0);
    expect(errors).toEqual([]);
  });

  it('catches up on what main finished while this window was away (a reload, a dropped connection)', async () => {
    const f = await sessionFixture();
    const missed = successfulInstall(f.sessionId);
    const events = { on: () => () => true, invoke: async () => ok({ jobs: [missed.at(-1)!, missed[0]!] }) };
    const tracker = startSideloadTracker(events, f.db);
    await tracker.catchUp();
    expect(await f.db.sideloadJobs.get(JOB)).toMatchObject({ status: 'done' });
    expect(await f.db.vrSessions.get(f.sessionId)).toMatchObject({ status: 'downloaded' });
  });
});
