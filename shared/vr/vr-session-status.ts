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

export interface StepTimestamps {
  readonly download_started_at: string | null;
  readonly download_completed_at: string | null;
  readonly first_launch_at: string | null;
  readonly completed_at: string | null;
}

/**
 * The timestamp a step stamps, beside the status it sets: downloaded stamps the verified install, in_progress
 * the first confirmed launch (a relaunch never moves it), completed the completion.
 */
export function stepStamps(current: StepTimestamps, to: VrSessionStatus, at: string): Partial<StepTimestamps> {
  switch (to) {
    case 'downloading':
      return { download_started_at: at };
    case 'downloaded':
      return { download_completed_at: at };
    case 'in_progress':
      return { first_launch_at: current.first_launch_at ?? at };
    case 'completed':
      return { completed_at: at };
  }
}
