import shuffle from 'knuth-shuffle-seeded';

/**
 * The question to show next, by Kolibri's rule (AssessmentWrapper.setItemId): the number of attempts so
 * far modulo the number of questions, in the exercise's order or, when it randomises, in an order
 * shuffled with the learner's id as seed (the same seeded Fisher–Yates library Kolibri uses, so a learner
 * meets the questions in the same order on every visit). Kolibri falls back to the clock as seed for a
 * guest; the kiosk always has a learner, so a seed is required.
 */
export function nextItemId(itemIds: readonly string[], totalAttempts: number, order: { randomize: boolean; seed: string }): string {
  if (itemIds.length === 0) throw new RangeError('An exercise needs at least one question');
  const index = Math.max(0, Math.trunc(totalAttempts)) % itemIds.length;
  const ordered = order.randomize ? shuffledItems(itemIds, order.seed) : itemIds;
  return ordered[index] as string;
}

/** A copy of the ids in the learner's order. A quiz seeds with learner id + try (Kolibri's QuizRenderer). */
export function shuffledItems(itemIds: readonly string[], seed: string): string[] {
  return shuffle([...itemIds], seed);
}
