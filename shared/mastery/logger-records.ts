import type { AttemptLog } from '../schemas/attempt-log';
import type { ContentSessionLog } from '../schemas/content-session-log';
import type { ContentSummaryLog } from '../schemas/content-summary-log';
import type { MasteryLog } from '../schemas/mastery-log';

/**
 * The logger's records as both sides store them (the kiosk in Dexie, the reference server in SQLite):
 * the seed's fields plus the keys the rules need. Both sides run the same rules over these shapes.
 */
export type SessionRecord = ContentSessionLog;
export type SummaryRecord = ContentSummaryLog;

export type MasteryRecord = MasteryLog & {
  readonly user: string;
  /** The summary's content id (the quiz id for a coach-assigned quiz). */
  readonly content_id: string;
  readonly summarylog: string;
  /** Which try: 1, 2, ... for exercises; negative for quizzes (Kolibri keeps them apart that way). */
  readonly mastery_level: number;
  /** The exact sum of the attempts' correctness; `correct` is its whole part. */
  readonly correct_sum: number;
  /** Attempts recorded in this try, which is also the next attempt's ordinal. */
  readonly attempt_count: number;
};

export type AttemptRecord = AttemptLog & {
  readonly content_id: string;
  readonly mastery_level: number;
  /**
   * 0, 1, 2, ... within the try, in the order attempts were recorded. Decision: "newest" means the
   * highest ordinal. Kolibri sorts by start_timestamp, which is the answer's time minus the time spent
   * on it, so an attempt that took longer can sort before one recorded earlier (and ties are arbitrary).
   */
  readonly ordinal: number;
};

/** The attempt fields a session start and an update hand back (Kolibri's attemptlog_fields). */
export function attemptSummaryOf(attempt: AttemptRecord) {
  const { id, correct, complete, hinted, error, item, answer, time_spent } = attempt;
  return { id, correct, complete, hinted, error, item, answer, time_spent };
}

/** The fields the attempt log list and the diff return (Kolibri's attemptlog_values). */
export function attemptLogOf(attempt: AttemptRecord): AttemptLog {
  const { content_id: _content, mastery_level: _level, ordinal: _ordinal, ...log } = attempt;
  return log;
}

/** The fields the mastery log list returns. */
export function masteryLogOf(log: MasteryRecord): MasteryLog {
  const { id, mastery_criterion, start_timestamp, end_timestamp, completion_timestamp, complete, correct, time_spent } = log;
  return { id, mastery_criterion, start_timestamp, end_timestamp, completion_timestamp, complete, correct, time_spent };
}

/** Tries newest first, as Kolibri lists them (end_timestamp descending); ties by try number. */
export function byNewestTry(a: MasteryRecord, b: MasteryRecord): number {
  return b.end_timestamp.localeCompare(a.end_timestamp) || Math.abs(b.mastery_level) - Math.abs(a.mastery_level);
}
