import { describe, expect, it } from 'vitest';
import { VR_SESSION_STATUSES } from '../../../shared/schemas/vr-session';
import { InvalidTransitionError, assertTransition, canTransition } from '../../../shared/vr/vr-session-status';

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
