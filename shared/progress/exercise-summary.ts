import type { MasteryRecord } from '../mastery/logger-records';
import { changeSum, ZERO_SUM } from './exact-sum';
import type { ExactSum } from './exact-sum';
import { exerciseCellOf, isLaterTry } from './exercise-cell';
import type { LatestTryFacts } from './exercise-cell';
import type { GridCell } from './grid-cell';
import { follow, REBUILD } from './summary-rules';

/**
 * What a learner's tries at one exercise or quiz come to, kept so the class grid never reads the tries
 * themselves (a class's mastery logs grow with every try): exactly what `exerciseCell` needs — the latest
 * try (isLaterTry), how many tries are complete, the exact sums of their time_spent and attempt_count
 * (exact-sum.ts, so taking a try out is exact) and how many tries there are. It changes by what one try
 * write adds and removes. See docs/performance.md.
 */
export interface ExerciseSummary {
  readonly user: string;
  readonly content_id: string;
  /** Tries of this learner and exercise. */
  readonly count: number;
  /** Tries with `complete` set: the exercise is mastered when there is one. */
  readonly complete_count: number;
  /** Exact sum of the tries' time_spent (seconds). */
  readonly time_spent: ExactSum;
  /** Exact sum of the tries' attempt_count: the cell's attempts. */
  readonly attempt_count: ExactSum;
  /** The try exerciseCell reads as the latest. */
  readonly latest: LatestTryFacts;
}

/** The fields of a try row the summary reads (rows carry more; nothing else matters to it). */
export type ExerciseSummaryTry = Pick<MasteryRecord, 'id' | 'user' | 'content_id' | 'complete' | 'correct_sum' | 'attempt_count' | 'time_spent' | 'end_timestamp' | 'mastery_level'>;

/**
 * A try row as far as the summary goes; rows without a learner, exercise, end time or a numeric level
 * (none is written: the logger's records always have them) are left out.
 */
export function asExerciseSummaryTry(row: unknown): ExerciseSummaryTry | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Partial<ExerciseSummaryTry>;
  return typeof r.id === 'string' && typeof r.user === 'string' && typeof r.content_id === 'string' && typeof r.end_timestamp === 'string' && typeof r.mastery_level === 'number' && !Number.isNaN(r.mastery_level)
    ? (row as ExerciseSummaryTry)
    : undefined;
}

const latestOf = (t: ExerciseSummaryTry): LatestTryFacts => ({ id: t.id, end_timestamp: t.end_timestamp, mastery_level: t.mastery_level, correct_sum: t.correct_sum, attempt_count: t.attempt_count });
const completeIn = (tries: readonly ExerciseSummaryTry[]) => tries.reduce((n, t) => n + (t.complete ? 1 : 0), 0);

/**
 * The summary after some of its tries were removed and others added (an update is the old row removed and
 * the new one added). Every try must belong to the summary's learner and exercise. Returns null when none
 * is left, and REBUILD when the latest try was removed (or moved back) and no added try is known to take
 * its place, or the counts cannot be right.
 */
export function applyToExerciseSummary(summary: ExerciseSummary | undefined, removed: readonly ExerciseSummaryTry[], added: readonly ExerciseSummaryTry[]): ExerciseSummary | null | typeof REBUILD {
  const first = summary ?? added[0];
  if (first === undefined) return removed.length === 0 ? null : REBUILD;
  const count = (summary?.count ?? 0) + added.length - removed.length;
  if (count < 0) return REBUILD;
  const gone = new Set(removed.map((t) => t.id));
  // Nothing left: the removals must have taken the latest too, or they were not this summary's tries.
  if (count === 0) return summary === undefined || gone.has(summary.latest.id) ? null : REBUILD;
  const complete = (summary?.complete_count ?? 0) + completeIn(added) - completeIn(removed);
  if (complete < 0 || complete > count) return REBUILD;
  const latest = follow(summary?.latest, gone, added, isLaterTry, latestOf);
  if (latest === REBUILD) return REBUILD;
  return {
    user: first.user,
    content_id: first.content_id,
    count,
    complete_count: complete,
    time_spent: changeSum(summary?.time_spent ?? ZERO_SUM, added.map((t) => t.time_spent), removed.map((t) => t.time_spent)),
    attempt_count: changeSum(summary?.attempt_count ?? ZERO_SUM, added.map((t) => t.attempt_count), removed.map((t) => t.attempt_count)),
    latest,
  };
}

/** The summary of one learner's tries at one exercise, from the tries (null when there are none). */
export function summarizeExerciseTries(tries: readonly ExerciseSummaryTry[]): ExerciseSummary | null {
  const summary = applyToExerciseSummary(undefined, [], tries);
  if (summary === REBUILD) throw new Error('a summary built from nothing cannot ask to be rebuilt');
  return summary;
}

/** The grid cell of a summary: the same cell exerciseCell makes from the tries it summarises. */
export function exerciseSummaryCell(summary: ExerciseSummary): GridCell {
  return exerciseCellOf(summary.latest, summary.complete_count > 0, summary.time_spent, summary.attempt_count);
}
