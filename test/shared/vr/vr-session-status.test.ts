import { describe, expect, it } from 'vitest';
import { VR_SESSION_STATUSES } from '../../../shared/schemas/vr-session';
import { InvalidTransitionError, assertTransition, canTransition, stepStamps } from '../../../shared/vr/vr-session-status';

describe('VR session status transitions', () => {
  it('allows exactly the forward steps and completion from any open status', () => {
    const allowed = VR_SESSION_STATUSES.flatMap((from) => VR_SESSION_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`));
    expect(allowed).toEqual([
      'downloading->downloaded',
      'downloading->completed',
      'downloaded->in_progress',
      'downloaded->completed',
      'in_progress->completed',
    ]);
  });

  it('throws a typed error for a refused step', () => {
    expect(() => assertTransition('in_progress', 'downloaded')).toThrow(InvalidTransitionError);
    expect(() => assertTransition('completed', 'in_progress')).toThrow('A VR session cannot go from completed to in_progress');
  });
});

describe('stepStamps', () => {
  const blank = { download_started_at: null, download_completed_at: null, first_launch_at: null, completed_at: null };
  it('stamps the timestamp of each step, and a relaunch keeps the first launch', () => {
    expect(stepStamps(blank, 'downloaded', 'T1')).toEqual({ download_completed_at: 'T1' });
    expect(stepStamps(blank, 'in_progress', 'T2')).toEqual({ first_launch_at: 'T2' });
    expect(stepStamps({ ...blank, first_launch_at: 'T2' }, 'in_progress', 'T3')).toEqual({ first_launch_at: 'T2' });
    expect(stepStamps(blank, 'completed', 'T4')).toEqual({ completed_at: 'T4' });
  });
});
