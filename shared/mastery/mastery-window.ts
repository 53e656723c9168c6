import type { MasteryModel } from '../schemas/mastery-model';

/** "m correct among the last n answers"; the streak models are the special case m = n. */
export interface MasteryWindow {
  readonly m: number;
  readonly n: number;
}

const STREAK_LENGTH = {
  num_correct_in_a_row_10: 10,
  num_correct_in_a_row_5: 5,
  num_correct_in_a_row_3: 3,
  num_correct_in_a_row_2: 2,
} as const;

/** The window a model is judged by, or null for the models that depend on the exercise's questions instead. */
export function masteryWindow(model: MasteryModel): MasteryWindow | null {
  switch (model.type) {
    case 'm_of_n':
      return { m: model.m, n: model.n };
    case 'num_correct_in_a_row_10':
    case 'num_correct_in_a_row_5':
    case 'num_correct_in_a_row_3':
    case 'num_correct_in_a_row_2':
      return { m: STREAK_LENGTH[model.type], n: STREAK_LENGTH[model.type] };
    case 'do_all':
    case 'quiz':
      return null;
  }
}

/**
 * Index of the first answer at which the window ending there holds at least m correct answers, or null.
 * Before n answers exist the window is simply shorter: 3 of 5 is met by three correct first answers, as a
 * learner who gets everything right should not be made to answer more questions than m.
 */
export function firstIndexMeetingWindow(correct: readonly boolean[], window: MasteryWindow): number | null {
  if (window.m < 1 || window.n < 1 || window.m > window.n) return null;
  let inWindow = 0;
  for (let i = 0; i < correct.length; i += 1) {
    if (correct[i]) inWindow += 1;
    if (i >= window.n && correct[i - window.n]) inWindow -= 1;
    if (inWindow >= window.m) return i;
  }
  return null;
}
