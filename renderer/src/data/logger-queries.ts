import { Dexie } from 'dexie';
import { attemptLogOf, byNewestTry, masteryLogOf } from '../../../shared/mastery/logger-records';
import { masteryDiff, totalProgress } from '../../../shared/mastery/logger-reads';
import type { AttemptLog, ListAttemptLogsQuery } from '../../../shared/schemas/attempt-log';
import type { MasteryLog, MasteryLogDiffResponse } from '../../../shared/schemas/mastery-log';
import type { OutpostDb } from '../db/outpost-db';
import type { AttemptLogRow, MasteryLogRow } from '../db/rows';
import { attemptListIndex, compareAttemptsNewestFirst, readAttemptLogPage } from './attempt-log-page';
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
 * GET attemptlog for one user, the whole list (no page_size): narrowed by the best index the filters
 * allow, filtered and sorted in memory, newest first (compareAttemptsNewestFirst; the most recently
 * recorded, as Kolibri leaves the order to the database). A page comes from pageAttemptLogs.
 */
export async function listAttemptLogs(db: OutpostDb, userId: string, query: ListAttemptLogsQuery): Promise<AttemptLog[]> {
  return (await readAttemptList(db, userId, query)).map(attemptLogOf);
}

async function readAttemptList(db: OutpostDb, userId: string, query: ListAttemptLogsQuery): Promise<AttemptLogRow[]> {
  const base = query.masterylog !== undefined
    ? db.attemptLogs.where('[masterylog+ordinal]').between([query.masterylog, Dexie.minKey], [query.masterylog, Dexie.maxKey])
    : query.content !== undefined
      ? db.attemptLogs.where('[user+content_id+end_timestamp+ordinal+id]').between([userId, query.content, Dexie.minKey], [userId, query.content, Dexie.maxKey])
      : query.item !== undefined
        ? db.attemptLogs.where('[user+item+end_timestamp+ordinal+id]').between([userId, query.item, Dexie.minKey], [userId, query.item, Dexie.maxKey])
        : db.attemptLogs.where('[user+end_timestamp+ordinal+id]').between([userId, Dexie.minKey], [userId, Dexie.maxKey]);
  // Read by the index in one request, then filtered here: a Dexie filter() walks a cursor, one round trip
  // to IndexedDB per row (a learner's 3,000 attempts took 160 ms for a page of 50 in Chromium).
  const rows = (await base.toArray()).filter(
    (a) => a.user === userId && (query.content === undefined || a.content_id === query.content) && (query.item === undefined || a.item === query.item) && (query.complete === undefined || a.complete === query.complete) && (query.mastery_level === undefined || a.mastery_level === query.mastery_level),
  );
  const unnarrowed = query.masterylog === undefined && query.content === undefined && query.item === undefined;
  return rows.sort(compareAttemptsNewestFirst(unnarrowed ? 'content_then_id' : 'id'));
}

/**
 * GET attemptlog with page_size: the attempts at [offset, offset + limit) of the list and how many it
 * holds. Read from a v18 index in the list's order when one serves the filters (attemptListIndex: none,
 * or content, or item); the others (a try's, `complete`, `mastery_level`, content with item) read the
 * whole list as listAttemptLogs does and cut the page from it.
 */
export async function pageAttemptLogs(db: OutpostDb, userId: string, query: ListAttemptLogsQuery, offset: number, limit: number): Promise<{ count: number; rows: AttemptLog[] }> {
  const spec = attemptListIndex(userId, query);
  if (spec) {
    const page = await readAttemptLogPage(db, spec, offset, limit);
    return { count: page.count, rows: page.rows.map(attemptLogOf) };
  }
  const all = await readAttemptList(db, userId, query);
  return { count: all.length, rows: all.slice(offset, offset + limit).map(attemptLogOf) };
}
