import type { MasteryRecord } from '../mastery/logger-records';
import { clampScore, EMPTY_CELL } from './grid-cell';
import type { GridCell } from './grid-cell';

/**
 * Struggling: an exercise not yet mastered whose latest try has at least this many answers, at most half of
 * them right. Fewer answers say too little; Kolibri's coach views flag learners the same way in spirit.
 */
export const STRUGGLE_MIN_ATTEMPTS = 5;
export const STRUGGLE_MAX_CORRECT = 0.5;

export type TryFacts = Pick<MasteryRecord, 'complete' | 'correct_sum' | 'attempt_count' | 'time_spent' | 'end_timestamp' | 'mastery_level'>;

/** One learner's tries at one exercise or quiz (quizzes are tries with a negative level). */
export function exerciseCell(tries: readonly TryFacts[]): GridCell {
  if (tries.length === 0) return EMPTY_CELL;
  const latest = [...tries].sort((a, b) => b.end_timestamp.localeCompare(a.end_timestamp) || Math.abs(b.mastery_level) - Math.abs(a.mastery_level))[0]!;
  const mastered = tries.some((t) => t.complete);
  const ratio = latest.attempt_count > 0 ? latest.correct_sum / latest.attempt_count : null;
  const struggling = !mastered && latest.attempt_count >= STRUGGLE_MIN_ATTEMPTS && ratio !== null && ratio <= STRUGGLE_MAX_CORRECT;
  return {
    status: mastered ? 'completed' : 'inProgress',
    score: clampScore(ratio),
    seconds: Math.round(tries.reduce((sum, t) => sum + t.time_spent, 0)),
    attempts: tries.reduce((sum, t) => sum + t.attempt_count, 0),
    help: struggling ? 'struggling' : null,
    updatedAt: latest.end_timestamp,
  };
}
