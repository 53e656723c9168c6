import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/ipc/result';
import type { Result } from '../../../shared/ipc/result';
import { cancelJobs, unfinishedJobs } from '../../../renderer/src/headsets/bulk-summary';

describe('"Cancel all" after a bulk install', () => {
  it('targets every job not over yet, including those main queued but has not reported', () => {
    const jobs = [
      { id: 'a', status: 'transferring' },
      { id: 'b', status: 'done' },
      { id: 'c', status: 'queued' },
      { id: 'd', status: 'failed' },
      { id: 'e', status: 'installing' },
      { id: 'f', status: 'cancelled' },
      { id: 'g', status: 'verifying' },
      { id: 'h', status: 'skipped' },
    ];
    // "x" has no row yet: main holds it in its queue.
    expect(unfinishedJobs(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x'], jobs)).toEqual(['a', 'c', 'e', 'g', 'x']);
    expect(unfinishedJobs([], jobs)).toEqual([]);
  });

  it('asks main once per job and counts cancelled, already over and failed requests, never throwing', async () => {
    const asked: string[] = [];
    const cancel = (id: string): Promise<Result<{ cancelled: boolean }>> => {
      asked.push(id);
      if (id === 'gone') return Promise.resolve(ok({ cancelled: false }));
      if (id === 'refused') return Promise.resolve(fail('INSTRUCTOR_REQUIRED', 'sign in'));
      if (id === 'broken') return Promise.reject(new Error('socket closed'));
      return Promise.resolve(ok({ cancelled: true }));
    };
    await expect(cancelJobs(cancel, ['a', 'gone', 'b', 'refused', 'broken'])).resolves.toEqual({ cancelled: 2, alreadyOver: 1, failed: 2 });
    expect(asked).toEqual(['a', 'gone', 'b', 'refused', 'broken']);
    await expect(cancelJobs(cancel, [])).resolves.toEqual({ cancelled: 0, alreadyOver: 0, failed: 0 });
  });
});
