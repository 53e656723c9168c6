import type { VrSessionStatus } from '../schemas/vr-session';

/**
 * The one place VR session status changes are decided. Sideloading drives downloading -> downloaded, a
 * confirmed launch downloaded -> in_progress. Completion is self-reported, so the learner may finish from
 * any open status (an app can be started from the headset's own menu, where we never see the launch);
 * nothing leaves `completed`, and nothing steps back.
 */
const NEXT: Record<VrSessionStatus, readonly VrSessionStatus[]> = {
  downloading: ['downloaded', 'completed'],
  downloaded: ['in_progress', 'completed'],
  in_progress: ['completed'],
  completed: [],
};

export function canTransition(from: VrSessionStatus, to: VrSessionStatus): boolean {
  return NEXT[from].includes(to);
}

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: VrSessionStatus,
    readonly to: VrSessionStatus,
  ) {
    super(`A VR session cannot go from ${from} to ${to}`);
    this.name = 'InvalidTransitionError';
  }
}

export function assertTransition(from: VrSessionStatus, to: VrSessionStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}
