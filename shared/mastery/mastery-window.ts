import type { MasteryModel } from '../schemas/mastery-model';

/** "m correct (summed) among the newest w attempts": every exercise model reduces to this. */
export interface MasteryRequirement {
  readonly m: number;
  readonly w: number;
}

const STREAK_LENGTH = {
  num_correct_in_a_row_10: 10,
  num_correct_in_a_row_5: 5,
  num_correct_in_a_row_3: 3,
  num_correct_in_a_row_2: 2,
} as const;

/**
 * The requirement a model is judged by, as Kolibri's MasteryModelGenerators define it: m_of_n is itself,
 * a streak of k is k of k, do_all is "every question" (so it needs the exercise's question count). Quizzes
 * have none: they are complete only when submitted. Also null for do_all without a question count.
 */
export function masteryRequirement(model: MasteryModel, itemCount?: number): MasteryRequirement | null {
  switch (model.type) {
    case 'm_of_n':
      return { m: model.m, w: model.n };
    case 'num_correct_in_a_row_10':
    case 'num_correct_in_a_row_5':
    case 'num_correct_in_a_row_3':
    case 'num_correct_in_a_row_2':
      return { m: STREAK_LENGTH[model.type], w: STREAK_LENGTH[model.type] };
    case 'do_all':
      return itemCount !== undefined && Number.isInteger(itemCount) && itemCount > 0 ? { m: itemCount, w: itemCount } : null;
    case 'quiz':
      return null;
  }
}

/** At most this many past attempts are ever handed back, whatever the model (see pastAttemptLimit). */
export const MAX_PAST_ATTEMPTS = 1000;

/**
 * How many of the newest attempts a session start returns. Kolibri: n for m_of_n, k for a streak, every
 * attempt for a quiz, and 10 for anything else (do_all included). Decision: do_all gets every attempt
 * too, because its window is the whole exercise and 10 would undercount an exercise of more than 10
 * questions; and "every" is bounded by MAX_PAST_ATTEMPTS so one long try cannot make a huge answer.
 */
export function pastAttemptLimit(model: MasteryModel): number {
  switch (model.type) {
    case 'm_of_n':
      return Math.min(model.n, MAX_PAST_ATTEMPTS);
    case 'do_all':
    case 'quiz':
      return MAX_PAST_ATTEMPTS;
    default:
      return STREAK_LENGTH[model.type];
  }
}
