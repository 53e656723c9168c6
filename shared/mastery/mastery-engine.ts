import type { MasteryModel } from '../schemas/mastery-model';
import { firstIndexMeetingWindow, masteryWindow } from './mastery-window';

/** One answer to one question, in the order the learner gave them. */
export interface MasteryAttempt {
  readonly item: string;
  /** 0..1 as the API carries it. */
  readonly correct: number;
  /** An attempt the learner is still working on (not yet checked) says nothing about mastery yet. */
  readonly complete: boolean;
}

export interface MasteryOptions {
  /**
   * How many distinct questions the exercise or quiz has. do_all and quiz cannot be decided without it
   * (the API's requests never carry it); the window models ignore it.
   */
  readonly itemCount?: number;
}

export interface MasteryOutcome {
  /**
   * The learner is done: the criterion was met (exercises), or every question has an answer (quizzes).
   * This is what a mastery log's `complete` records.
   */
  readonly complete: boolean;
  /** The criterion was met by correct answers. Only a quiz can be complete without being mastered. */
  readonly mastered: boolean;
  /**
   * Index, among the attempts given, of the answer that made the log complete (its completion_timestamp),
   * or null. Completion is permanent: later wrong answers do not undo it.
   */
  readonly completedAt: number | null;
  /** Checked answers that count as correct (a mastery log's `correct`). */
  readonly correct: number;
  /** Checked answers considered. */
  readonly answered: number;
}

/**
 * Partial credit (0 < correct < 1) is not "correct": mastery models count right answers, and a half-right
 * answer that counted would let a learner master an exercise without ever answering a question fully.
 */
export function isCorrectAnswer(correct: number): boolean {
  return correct === 1;
}

/**
 * Decides whether an ordered attempt history meets a mastery model. Pure: the caller supplies the history
 * (oldest first) and the question count; nothing is read from a clock or a store.
 */
export function evaluateMastery(model: MasteryModel, attempts: readonly MasteryAttempt[], options: MasteryOptions = {}): MasteryOutcome {
  const { itemCount } = options;
  if (itemCount !== undefined && (!Number.isInteger(itemCount) || itemCount < 1)) {
    throw new RangeError(`itemCount must be a positive integer, got ${itemCount}`);
  }
  // `position` keeps each checked answer's place in the caller's list, so decisions are reported against it.
  const checked = attempts.flatMap((attempt, position) =>
    attempt.complete ? [{ position, item: attempt.item, right: isCorrectAnswer(attempt.correct) }] : [],
  );
  const counts = { correct: checked.filter((answer) => answer.right).length, answered: checked.length };
  const outcome = (checkedIndex: number | null, mastered: boolean): MasteryOutcome => {
    const completedAt = checkedIndex === null ? null : (checked[checkedIndex]?.position ?? null);
    return { complete: completedAt !== null, mastered, completedAt, ...counts };
  };

  const window = masteryWindow(model);
  if (window) {
    const at = firstIndexMeetingWindow(checked.map((answer) => answer.right), window);
    return outcome(at, at !== null);
  }
  if (itemCount === undefined) return outcome(null, false);

  // Latest checked answer per question: a question answered wrongly and then rightly counts as right.
  const latest = new Map<string, boolean>();
  let allCorrectAt: number | null = null;
  let allAnsweredAt: number | null = null;
  checked.forEach((answer, index) => {
    latest.set(answer.item, answer.right);
    allAnsweredAt ??= latest.size >= itemCount ? index : null;
    allCorrectAt ??= countTrue(latest) >= itemCount ? index : null;
  });
  if (model.type === 'do_all') return outcome(allCorrectAt, allCorrectAt !== null);
  // A quiz is finished once every question has an answer; it is mastered only if every answer stands correct.
  return outcome(allAnsweredAt, allAnsweredAt !== null && countTrue(latest) >= itemCount);
}

function countTrue(values: ReadonlyMap<string, boolean>): number {
  let n = 0;
  for (const value of values.values()) if (value) n += 1;
  return n;
}
