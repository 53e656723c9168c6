import { progressDelta } from '../../../shared/mastery/exercise-progress';
import { QUIZ_SUBMITTED_PROGRESS, quizProgress } from '../../../shared/mastery/quiz-progress';
import type { AttemptSummary } from '../../../shared/schemas/attempt-log';
import type { StartContentSessionResponse, UpdateContentSessionRequestInput, UpdateContentSessionResponse } from '../../../shared/schemas/content-session';

/** A coach quiz as the player holds it: each question's latest attempt, and whether it was submitted. */
export interface QuizRun {
  readonly sessionId: string;
  readonly itemIds: readonly string[];
  /** The attempt per question (the newest, since answers are replaced until submitting). */
  readonly attempts: Readonly<Record<string, AttemptSummary>>;
  readonly progress: number;
  readonly submitted: boolean;
}

export function quizFromStart(start: StartContentSessionResponse, itemIds: readonly string[]): QuizRun {
  const attempts: Record<string, AttemptSummary> = {};
  // pastattempts are newest first: the first one seen for a question is its current answer.
  for (const attempt of start.pastattempts ?? []) if (itemIds.includes(attempt.item) && !attempts[attempt.item]) attempts[attempt.item] = attempt;
  return { sessionId: start.session_id, itemIds, attempts, progress: start.progress, submitted: start.complete };
}

/**
 * Answering (or changing an answer to) one question: Kolibri's quiz replaces the question's attempt, so
 * the newest answer is the one marked; progress is the share answered, never sent as a loss.
 */
export function quizAnswerUpdate(run: QuizRun, item: string, answer: { correct: 0 | 1; answer: Record<string, unknown>; simpleAnswer: string }, timeSpent: number): UpdateContentSessionRequestInput {
  const existing = run.attempts[item];
  const answered = Object.keys(run.attempts).length + (existing ? 0 : 1);
  const gain = progressDelta(run.progress, quizProgress(answered, run.itemIds.length));
  const time_spent = Math.min(86_400, Math.max(0, Math.round(timeSpent)));
  return {
    interactions: [{ item, correct: answer.correct, answer: answer.answer, simple_answer: answer.simpleAnswer, complete: true, replace: true, time_spent, ...(existing?.id ? { id: existing.id } : {}) }],
    ...(gain !== null ? { progress_delta: gain } : {}),
    time_spent_delta: time_spent,
  };
}

/** Submitting is the one thing that completes a quiz (progress 1). */
export function quizSubmitUpdate(run: QuizRun): UpdateContentSessionRequestInput {
  const gain = progressDelta(run.progress, QUIZ_SUBMITTED_PROGRESS);
  return gain !== null ? { progress_delta: gain } : { progress: QUIZ_SUBMITTED_PROGRESS };
}

export function applyQuizUpdate(run: QuizRun, sent: UpdateContentSessionRequestInput, reply: UpdateContentSessionResponse): QuizRun {
  const attempts = { ...run.attempts };
  for (const attempt of reply.attempts ?? []) attempts[attempt.item] = attempt;
  const progress = reply.complete ? 1 : Math.min(1, run.progress + (sent.progress_delta ?? 0));
  return { ...run, attempts, progress, submitted: reply.complete };
}

/** Marked answers: how many of the questions are answered correctly. */
export function quizScore(run: QuizRun): { readonly correct: number; readonly total: number } {
  return { correct: run.itemIds.filter((item) => (run.attempts[item]?.correct ?? 0) >= 1).length, total: run.itemIds.length };
}

/** Seconds spent since a question was shown, for time_spent. */
export function secondsSince(startedAtMs: number): number {
  return (Date.now() - startedAtMs) / 1000;
}
