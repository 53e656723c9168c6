import type { MasteryRequirement } from './mastery-window';

/** One past attempt as a session start returns it: its stored correctness (0..1). */
export interface CountedAttempt {
  readonly correct: number;
}

export interface ExerciseState {
  /** 0 before any attempt; otherwise 0.001..1, rounded up to 3 decimals. */
  readonly progress: number;
  readonly mastered: boolean;
  /** Sum of correctness over the window (fractions add up, as Kolibri sums them). */
  readonly windowCorrect: number;
  /** Attempts inside the window (at most w). */
  readonly windowSize: number;
  readonly required: number;
}

/**
 * Float sums are compared with this slack: 0.1 + 0.2 is 0.30000000000000004 and 3 × (1/3) may land just
 * under 1. Kolibri compares raw floats, so there 10 answers worth 0.1 can miss a "1 of 1" by 1e-16.
 * Decision: sums within 1e-9 of the goal count as reaching it.
 */
const SLACK = 1e-9;

/**
 * Rounds progress up to 3 decimals as Kolibri does (ceil(p × 1000) / 1000, clamped to 0..1). Decision:
 * the ceiling is taken after removing a tiny slack, because Kolibri's raw ceil turns the float noise of
 * 0.1 + 0.2 into 0.301; here it stays 0.3, while any real excess (0.3001) still rounds up to 0.301.
 */
export function roundUpProgress(value: number): number {
  if (!(value > 0)) return 0;
  return Math.min(1, Math.ceil(value * 1000 - 1e-6) / 1000);
}

/**
 * Kolibri's exercise progress (AssessmentWrapper.exerciseProgress): the newest w attempts' correctness
 * summed, divided by m, at least 0.001 once anything was attempted. Each attempt counts with the
 * correctness it was stored with, which is its first submission's: a retry of the same question updates
 * the attempt without replacing `correct`; a hint taken before answering and an error store 0.
 *
 * Decision: mastered means the window sum reaches m. Kolibri instead treats progress ≥ 1 as mastered,
 * and because progress is rounded *up*, a sum of 2.998 of 3 would master there; here progress stays at
 * most 0.999 until the sum truly reaches m. With m > n (which the API refuses) nothing can ever master.
 */
export function exerciseState(requirement: MasteryRequirement, newestFirst: readonly CountedAttempt[]): ExerciseState {
  const window = newestFirst.slice(0, Math.max(0, requirement.w));
  const windowCorrect = window.reduce((sum, attempt) => sum + attempt.correct, 0);
  const mastered = requirement.m > 0 && windowCorrect >= requirement.m - SLACK;
  const base = { mastered, windowCorrect, windowSize: window.length, required: requirement.m };
  if (newestFirst.length === 0) return { ...base, progress: 0 };
  if (mastered) return { ...base, progress: 1 };
  const ratio = requirement.m > 0 ? windowCorrect / requirement.m : 0;
  return { ...base, progress: Math.max(0.001, Math.min(0.999, roundUpProgress(ratio))) };
}

/** How many more correct answers the window needs, as a whole number for "2 more to master". */
export function remainingToMaster(state: ExerciseState): number {
  return state.mastered ? 0 : Math.max(1, Math.ceil(state.required - state.windowCorrect - SLACK));
}

/**
 * What to send so the stored progress never goes down (Kolibri's useProgressTracking turns an absolute
 * progress into a delta only when it is higher): the delta, rounded up, or null when nothing is gained.
 */
export function progressDelta(stored: number, computed: number): number | null {
  if (!(computed > stored)) return null;
  const delta = roundUpProgress(computed - stored);
  return delta > 0 ? delta : null;
}
