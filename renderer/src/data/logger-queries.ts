import { attemptLogOf, byNewestTry, masteryLogOf } from '../../../shared/mastery/logger-records';
import { masteryDiff, totalProgress } from '../../../shared/mastery/logger-reads';
import type { AttemptLog, ListAttemptLogsQuery } from '../../../shared/schemas/attempt-log';
import type { MasteryLog, MasteryLogDiffResponse } from '../../../shared/schemas/mastery-log';
import type { OutpostDb } from '../db/outpost-db';
import type { MasteryLogRow } from '../db/rows';
import { attemptsOfTry } from './logger-store';

/** GET totalcontentprogress: completed items, each finished try of an exercise or quiz counting once. */
export async function totalContentProgress(db: OutpostDb, userId: string): Promise<number> {
  const [summaries, tries] = await Promise.all([db.contentSummaryLogs.where('user').equals(userId).toArray(), db.masteryLogs.where('[user+content_id]').between([userId, ''], [userId, '\uffff']).toArray()]);
  return totalProgress(summaries, tries);
}

export interface TryFilter {
  readonly user: string;
  readonly content: string;
  readonly complete?: boolean | undefined;
  readonly quiz?: boolean | undefined;
}

/** A learner's tries at one exercise or quiz, newest first (by end_timestamp, as Kolibri lists them). */
export async function triesOf(db: OutpostDb, filter: TryFilter): Promise<MasteryLogRow[]> {
  const rows = await db.masteryLogs.where('[user+content_id]').equals([filter.user, filter.content]).toArray();
  return rows
    .filter((log) => (filter.complete === undefined || log.complete === filter.complete) && (filter.quiz === undefined || log.mastery_level < 0 === filter.quiz))
    .sort(byNewestTry);
}

export async function listMasteryLogs(db: OutpostDb, filter: TryFilter): Promise<MasteryLog[]> {
  return (await triesOf(db, filter)).map(masteryLogOf);
}

/** The try at `index` (0 = newest) against the one before it, or null when there is none. */
export async function masteryLogDiff(db: OutpostDb, filter: TryFilter, index: number): Promise<MasteryLogDiffResponse | null> {
  const tries = await triesOf(db, filter);
  const target = tries[index];
  if (!target) return null;
  const previous = tries[index + 1];
  const [targetAttempts, previousAttempts] = await Promise.all([attemptsOfTry(db, target.id), previous ? attemptsOfTry(db, previous.id) : []]);
  return masteryDiff(target, previous, targetAttempts, previousAttempts);
}

/**
 * GET attemptlog for one user: narrowed by the best index the filters allow, newest first (the most
 * recently recorded; Kolibri leaves the order to the database).
 */
export async function listAttemptLogs(db: OutpostDb, userId: string, query: ListAttemptLogsQuery): Promise<AttemptLog[]> {
  const base = query.masterylog !== undefined
    ? db.attemptLogs.where('masterylog').equals(query.masterylog)
    : query.content !== undefined
      ? db.attemptLogs.where('[user+content_id]').equals([userId, query.content])
      : query.item !== undefined
        ? db.attemptLogs.where('[user+item]').equals([userId, query.item])
        : db.attemptLogs.where('[user+content_id]').between([userId, ''], [userId, '\uffff']);
  // Read by the index in one request, then filtered here: a Dexie filter() walks a cursor, one round trip
  // to IndexedDB per row (a learner's 3,000 attempts took 160 ms for a page of 50 in Chromium).
  const rows = (await base.toArray()).filter(
    (a) => a.user === userId && (query.content === undefined || a.content_id === query.content) && (query.item === undefined || a.item === query.item) && (query.complete === undefined || a.complete === query.complete) && (query.mastery_level === undefined || a.mastery_level === query.mastery_level),
  );
  return rows.sort((a, b) => b.end_timestamp.localeCompare(a.end_timestamp) || b.ordinal - a.ordinal).map(attemptLogOf);
}
