import { PASSING_SCORE, SCORE_MAX } from '../schemas/vr-session-complete';
import type { VrSessionScore } from '../schemas/vr-session';

/** The complete endpoint's score handling: raw as given, max always 100, scaled = raw / max. */
export function vrScore(raw: number | undefined): { score: VrSessionScore | null; success_status: 'passed' | 'failed' | null } {
  if (raw === undefined) return { score: null, success_status: null };
  return {
    score: { raw, max: SCORE_MAX, scaled: raw / SCORE_MAX },
    success_status: raw >= PASSING_SCORE ? 'passed' : 'failed',
  };
}

/** Minutes as the learner entered them, stored as whole seconds. */
export function minutesToSeconds(minutes: number): number {
  return Math.round(minutes * 60);
}
