import type { AttemptLog } from '../schemas/attempt-log';
import type { MasteryLogDiffResponse } from '../schemas/mastery-log';
import type { AttemptRecord, MasteryRecord, SummaryRecord } from './logger-records';
import { attemptLogOf, masteryLogOf } from './logger-records';

/**
 * Kolibri's total progress: a summary with tries counts its finished tries (two mastered tries of one
 * exercise count twice, an unfinished try nothing); any other summary counts 1 once its progress is 1.
 */
export function totalProgress(summaries: readonly SummaryRecord[], tries: readonly MasteryRecord[]): number {
  const finishedBySummary = new Map<string, number>();
  for (const log of tries) finishedBySummary.set(log.summarylog, (finishedBySummary.get(log.summarylog) ?? 0) + (log.complete ? 1 : 0));
  let total = 0;
  for (const summary of summaries) total += finishedBySummary.get(summary.id) ?? (summary.progress >= 1 ? 1 : 0);
  return total;
}

/**
 * The diff of one try against the try before it. Each attempt's diff.correct subtracts the previous try's
 * newest attempt at the same question. Decision: the difference is kept as a fraction; Kolibri casts it
 * to an integer column, which would turn 1 − 0.5 into 0.
 */
export function masteryDiff(target: MasteryRecord, previous: MasteryRecord | undefined, targetAttempts: readonly AttemptRecord[], previousAttempts: readonly AttemptRecord[]): MasteryLogDiffResponse {
  const before = new Map<string, AttemptRecord>();
  for (const attempt of previousAttempts) {
    const seen = before.get(attempt.item);
    if (!seen || attempt.end_timestamp > seen.end_timestamp || (attempt.end_timestamp === seen.end_timestamp && attempt.ordinal > seen.ordinal)) before.set(attempt.item, attempt);
  }
  return {
    ...masteryLogOf(target),
    diff: previous ? { correct: target.correct - previous.correct, time_spent: target.time_spent - previous.time_spent } : null,
    attemptlogs: targetAttempts.map((attempt) => {
      const earlier = before.get(attempt.item);
      return { ...attemptLogOf(attempt), diff: { correct: earlier ? attempt.correct - earlier.correct : null } };
    }),
  };
}

/** Kolibri's optional pagination: the whole list without page_size, else one page in an envelope. */
export function paged<T>(rows: readonly T[], query: { page_size?: number | undefined; page?: number | undefined }): T[] | { page: number; count: number; total_pages: number; results: T[] } | null {
  if (query.page_size === undefined) return [...rows];
  const totalPages = Math.max(1, Math.ceil(rows.length / query.page_size));
  const page = query.page ?? 1;
  if (page > totalPages) return null;
  return { page, count: rows.length, total_pages: totalPages, results: rows.slice((page - 1) * query.page_size, page * query.page_size) };
}

export type { AttemptLog };
