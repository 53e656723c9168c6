import type { MasteryRecord } from '../mastery/logger-records';
import { exactSum, roundSum, sumValue } from './exact-sum';
import type { ExactSum } from './exact-sum';
import { clampScore, EMPTY_CELL } from './grid-cell';
import type { GridCell } from './grid-cell';

/**
 * Struggling: an exercise not yet mastered whose latest try has at least this many answers, at most half of
 * them right. Fewer answers say too little; Kolibri's coach views flag learners the same way in spirit.
 */
export const STRUGGLE_MIN_ATTEMPTS = 5;
export const STRUGGLE_MAX_CORRECT = 0.5;

export type TryFacts = Pick<MasteryRecord, 'id' | 'complete' | 'correct_sum' | 'attempt_count' | 'time_spent' | 'end_timestamp' | 'mastery_level'>;

/** What the cell reads of the latest try. */
export type LatestTryFacts = Pick<TryFacts, 'id' | 'correct_sum' | 'attempt_count' | 'end_timestamp' | 'mastery_level'>;

/**
 * The order that makes one try the latest, total so that the cell never depends on the order tries are read
 * in: the greater end_timestamp (localeCompare), then the greater |mastery_level| (the later try, a quiz's
 * level being negative), then the smaller id. True when `a` is taken before `b`.
 */
export function isLaterTry(a: Pick<TryFacts, 'id' | 'end_timestamp' | 'mastery_level'>, b: Pick<TryFacts, 'id' | 'end_timestamp' | 'mastery_level'>): boolean {
  const byEnd = a.end_timestamp.localeCompare(b.end_timestamp);
  if (byEnd !== 0) return byEnd > 0;
  const byLevel = Math.abs(a.mastery_level) - Math.abs(b.mastery_level);
  if (byLevel !== 0 && !Number.isNaN(byLevel)) return byLevel > 0;
  return a.id < b.id;
}

/**
 * The cell of tries whose latest is `latest`, `mastered` when any is complete, with the exact sums of their
 * time_spent and attempt_count (exact-sum.ts: the order of the tries cannot change the shown seconds).
 */
export function exerciseCellOf(latest: LatestTryFacts, mastered: boolean, timeSpent: ExactSum, attempts: ExactSum): GridCell {
  const ratio = latest.attempt_count > 0 ? latest.correct_sum / latest.attempt_count : null;
  const struggling = !mastered && latest.attempt_count >= STRUGGLE_MIN_ATTEMPTS && ratio !== null && ratio <= STRUGGLE_MAX_CORRECT;
  return {
    status: mastered ? 'completed' : 'inProgress',
    score: clampScore(ratio),
    seconds: roundSum(timeSpent),
    attempts: sumValue(attempts),
    help: struggling ? 'struggling' : null,
    updatedAt: latest.end_timestamp,
  };
}

/** One learner's tries at one exercise or quiz (quizzes are tries with a negative level). */
export function exerciseCell(tries: readonly TryFacts[]): GridCell {
  let latest: TryFacts | undefined;
  for (const t of tries) if (latest === undefined || isLaterTry(t, latest)) latest = t;
  if (latest === undefined) return EMPTY_CELL;
  return exerciseCellOf(
    latest,
    tries.some((t) => t.complete),
    exactSum(tries.map((t) => t.time_spent)),
    exactSum(tries.map((t) => t.attempt_count)),
  );
}
