import { describe, expect, it } from 'vitest';
import type { SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import { ok } from '../../../shared/ipc/result';
import { markOrphanedJobsInterrupted, recordSideloadUpdate } from '../../../renderer/src/data/sideload-jobs';
import { startSideloadTracker } from '../../../renderer/src/headsets/sideload-tracker';
import { createApiFixture } from '../../support/local-api-fixture';
import { JOB, updateSequence } from './headset-fixtures';

const OTHER_JOB = '10b00000-0000-4000-8000-000000000002';
const MAIN_STARTED = '2026-03-02T10:00:00.000Z';

/** A job main was copying (transferring at 09:02) when it stopped; main restarted at 10:00. */
async function leftRunning() {
  const f = await createApiFixture();
  for (const update of updateSequence(null, [{ at: '2026-03-02T09:01:00.000Z' }, { status: 'transferring', at: '2026-03-02T09:02:00.000Z' }])) await recordSideloadUpdate(f.deps, update);
  return f;
}

describe('jobs left running by a main that stopped', () => {
  it('become interrupted when main does not know them and they were last touched before it started', async () => {
    const f = await leftRunning();
    expect(await markOrphanedJobsInterrupted(f.deps, new Set(), MAIN_STARTED)).toBe(1);
    expect(await f.db.sideloadJobs.get(JOB)).toMatchObject({ status: 'interrupted', error_code: 'INTERRUPTED', bytes_total: 8_000_000 });
  });

  it('are left alone when main reported them (its own word wins) or when they moved after main started', async () => {
    const f = await leftRunning();
    expect(await markOrphanedJobsInterrupted(f.deps, new Set([JOB]), MAIN_STARTED)).toBe(0);
    expect(await markOrphanedJobsInterrupted(f.deps, new Set(), '2026-03-02T09:00:00.000Z')).toBe(0);
    expect(await f.db.sideloadJobs.get(JOB)).toMatchObject({ status: 'transferring' });
  });

  it('finished jobs are never touched', async () => {
    const f = await createApiFixture();
    for (const update of updateSequence(null, [{ status: 'done', at: '2026-03-02T09:05:00.000Z' }])) await recordSideloadUpdate(f.deps, update);
    expect(await markOrphanedJobsInterrupted(f.deps, new Set(), MAIN_STARTED)).toBe(0);
    expect(await f.db.sideloadJobs.get(JOB)).toMatchObject({ status: 'done' });
  });

  it('the tracker catches up with main first, then marks what main did not mention', async () => {
    const f = await leftRunning();
    const [other] = updateSequence(null, [{ status: 'transferring', at: '2026-03-02T09:03:00.000Z' }]).map((u): SideloadUpdate => ({ ...u, id: OTHER_JOB }));
    await recordSideloadUpdate(f.deps, other!);
    // Main restarted with a journal that knows OTHER_JOB (and says it was interrupted), not JOB.
    const fromMain: SideloadUpdate = { ...other!, status: 'interrupted', error_code: 'INTERRUPTED', at: '2026-03-02T10:00:01.000Z' };
    const events = { on: () => () => true, invoke: async () => ok({ jobs: [fromMain] }) };
    const tracker = startSideloadTracker(events, f.deps, () => undefined, { mainStartedAt: MAIN_STARTED });
    await tracker.catchUp();
    expect((await f.db.sideloadJobs.toArray()).map((job) => [job.id, job.status]).sort()).toEqual([
      [JOB, 'interrupted'],
      [OTHER_JOB, 'interrupted'],
    ]);
    expect((await f.db.sideloadJobs.get(OTHER_JOB))?.updated_at).toBe('2026-03-02T10:00:01.000Z');
  });
});
