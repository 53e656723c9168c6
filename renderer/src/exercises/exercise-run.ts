import { exerciseState, progressDelta, remainingToMaster } from '../../../shared/mastery/exercise-progress';
import type { ExerciseState } from '../../../shared/mastery/exercise-progress';
import { masteryRequirement, pastAttemptLimit } from '../../../shared/mastery/mastery-window';
import { nextItemId } from '../../../shared/mastery/next-question';
import type { AttemptSummary } from '../../../shared/schemas/attempt-log';
import type { InteractionInput, StartContentSessionResponse, UpdateContentSessionRequestInput, UpdateContentSessionResponse } from '../../../shared/schemas/content-session';
import type { MasteryModel } from '../../../shared/schemas/mastery-model';
import type { PlayableExercise } from '../../../shared/exercises/exercise-schema';

/** One sitting at an exercise as the player holds it between requests. */
export interface ExerciseRun {
  readonly sessionId: string;
  readonly model: MasteryModel;
  readonly itemIds: readonly string[];
  readonly order: { readonly randomize: boolean; readonly seed: string };
  /** The try's newest attempts, newest first, as many as the model's window (pastAttemptLimit). */
  readonly pastattempts: readonly AttemptSummary[];
  readonly totalattempts: number;
  /** The summary's progress as last stored: only gains are ever sent. */
  readonly progress: number;
  readonly complete: boolean;
  readonly current: { readonly item: string; readonly attemptId: string | null; readonly solved: boolean };
}

/**
 * Where a start leaves the learner: an unfinished newest attempt is that question again (Kolibri resumes
 * it); otherwise the engine's next question for the number of attempts so far.
 */
export function runFromStart(start: StartContentSessionResponse, exercise: PlayableExercise, learnerId: string): ExerciseRun {
  const meta = exercise.assessmentmetadata;
  const pastattempts = start.pastattempts ?? [];
  const base = {
    sessionId: start.session_id,
    model: start.mastery_criterion ?? meta.mastery_model,
    itemIds: meta.assessment_item_ids,
    order: { randomize: meta.randomize, seed: learnerId },
    pastattempts,
    totalattempts: start.totalattempts ?? pastattempts.length,
    progress: start.progress,
    complete: start.complete,
  };
  const newest = pastattempts[0];
  if (newest && !newest.complete && newest.id && meta.assessment_item_ids.includes(newest.item)) {
    return { ...base, current: { item: newest.item, attemptId: newest.id, solved: false } };
  }
  return { ...base, current: { item: nextItemId(base.itemIds, base.totalattempts, base.order), attemptId: null, solved: false } };
}

export function runState(run: ExerciseRun): (ExerciseState & { readonly remaining: number; readonly window: number }) | null {
  const requirement = masteryRequirement(run.model, run.itemIds.length);
  if (!requirement) return null;
  const state = exerciseState(requirement, run.pastattempts);
  return { ...state, remaining: remainingToMaster(state), window: requirement.w };
}

/**
 * The PUT for one answer or hint on the current question. A first submission creates the attempt with its
 * correctness; later ones name the attempt and only add to its history (Kolibri keeps the first
 * correctness); a hint before answering is recorded as hinted with correctness 0, so that question counts
 * as wrong. Progress is what the attempts will give, sent as a gain only.
 */
export function interactionUpdate(run: ExerciseRun, event: { kind: 'answer'; correct: 0 | 1; answer: Record<string, unknown>; simpleAnswer: string } | { kind: 'hint'; answer: Record<string, unknown> }, timeSpent: number): UpdateContentSessionRequestInput {
  const { item, attemptId } = run.current;
  const time_spent = Math.min(86_400, Math.max(0, Math.round(timeSpent)));
  const interaction: InteractionInput =
    event.kind === 'hint'
      ? { item, correct: 0, hinted: true, answer: event.answer, time_spent, ...(attemptId ? { id: attemptId } : {}) }
      : { item, correct: event.correct, answer: event.answer, simple_answer: event.simpleAnswer, complete: event.correct === 1, time_spent, ...(attemptId ? { id: attemptId } : {}) };
  const firstCorrect = event.kind === 'answer' ? event.correct : 0;
  const predicted = attemptId ? run.pastattempts : [{ item, correct: firstCorrect }, ...run.pastattempts];
  const requirement = masteryRequirement(run.model, run.itemIds.length);
  const gain = requirement ? progressDelta(run.progress, exerciseState(requirement, predicted).progress) : null;
  return { interactions: [interaction], ...(gain !== null ? { progress_delta: gain } : {}), time_spent_delta: time_spent };
}

/** The run after the API recorded an update: the returned attempt replaces or joins the list. */
export function applyUpdate(run: ExerciseRun, sent: UpdateContentSessionRequestInput, reply: UpdateContentSessionResponse): ExerciseRun {
  const attempt = reply.attempts?.[0];
  const progress = Math.min(1, run.progress + (sent.progress_delta ?? 0));
  if (!attempt) return { ...run, progress, complete: reply.complete };
  const known = run.current.attemptId !== null;
  const limit = pastAttemptLimit(run.model);
  const pastattempts = known ? run.pastattempts.map((a) => (a.id === attempt.id ? attempt : a)) : [attempt, ...run.pastattempts].slice(0, limit);
  return {
    ...run,
    progress: reply.complete ? 1 : progress,
    complete: reply.complete,
    pastattempts,
    totalattempts: run.totalattempts + (known ? 0 : 1),
    current: { item: run.current.item, attemptId: attempt.id ?? run.current.attemptId, solved: run.current.solved || attempt.complete === true },
  };
}

/** The next question once the current one is solved, by the engine's rule. */
export function nextQuestion(run: ExerciseRun): ExerciseRun {
  return { ...run, current: { item: nextItemId(run.itemIds, run.totalattempts, run.order), attemptId: null, solved: false } };
}
