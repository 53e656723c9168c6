/**
 * A quiz's progress before it is submitted (Kolibri's QuizRenderer): the share of questions answered,
 * at least 0.001 once anything was answered and at most 0.99, because only submitting completes a quiz.
 * Submitting sends progress 1.
 */
export function quizProgress(answeredItems: number, itemCount: number): number {
  if (answeredItems <= 0 || itemCount <= 0) return 0;
  return Math.max(0.001, Math.min(answeredItems / itemCount, 0.99));
}

export const QUIZ_SUBMITTED_PROGRESS = 1;
