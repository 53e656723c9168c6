import type { ScormSession } from '../schemas/scorm-session';
import type { GridCell } from './grid-cell';
import { scormCell } from './scorm-cell';
import { follow, REBUILD } from './summary-rules';

/**
 * What a learner's sessions of one SCORM course come to, kept so the class grid never reads the sessions
 * themselves: exactly what `scormCell` needs (the latest session, how many, their time) plus the smallest
 * session id, which orders the columns of courses the library does not know (the grid read a learner's
 * sessions by id). It changes by what one session write adds and removes. See docs/performance.md.
 */
export interface ScormSummary {
  readonly user_id: string;
  readonly package_id: string;
  /** The smallest session id. */
  readonly first_id: string;
  /** Sessions of this learner and course: the cell's attempts. */
  readonly count: number;
  /** Sum of the sessions' time_spent_seconds (whole seconds). */
  readonly time_spent_seconds: number;
  /** The session scormCell reads as the latest: see isLaterScormSession. */
  readonly latest: LatestScormSession;
}

export type LatestScormSession = Pick<ScormSession, 'id' | 'updated_at' | 'completion_status' | 'success_status' | 'score'>;

/** The fields of a session row the summary reads (rows carry more; nothing else matters to it). */
export type ScormSummarySession = Pick<ScormSession, 'id' | 'user_id' | 'package_id' | 'completion_status' | 'success_status' | 'score' | 'time_spent_seconds' | 'updated_at'>;

/** A session row as far as the summary goes; rows without a learner, course or update time (none is written) are left out. */
export function asScormSummarySession(row: unknown): ScormSummarySession | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Partial<ScormSummarySession>;
  return typeof r.id === 'string' && typeof r.user_id === 'string' && typeof r.package_id === 'string' && typeof r.updated_at === 'string' ? (row as ScormSummarySession) : undefined;
}

/**
 * The session scormCell takes as the latest of sessions read by id: it sorts them stably by updated_at
 * descending with localeCompare, so of sessions equal by it the smallest id. True when `a` is taken before `b`.
 */
export function isLaterScormSession(a: Pick<ScormSession, 'id' | 'updated_at'>, b: Pick<ScormSession, 'id' | 'updated_at'>): boolean {
  const order = a.updated_at.localeCompare(b.updated_at);
  return order > 0 || (order === 0 && a.id < b.id);
}

const latestOf = (s: ScormSummarySession): LatestScormSession => ({ id: s.id, updated_at: s.updated_at, completion_status: s.completion_status, success_status: s.success_status, score: s.score });
const byId = (a: { readonly id: string }, b: { readonly id: string }) => a.id < b.id;

/**
 * The summary after some of its sessions were removed and others added (an update is the old row removed
 * and the new one added). Every session must belong to the summary's learner and course. Returns null when
 * none is left, and REBUILD when the latest session or the smallest id was removed (or the latest moved
 * back) and no added session is known to take its place, or a removal cannot be taken out of the figures.
 */
export function applyToScormSummary(summary: ScormSummary | undefined, removed: readonly ScormSummarySession[], added: readonly ScormSummarySession[]): ScormSummary | null | typeof REBUILD {
  const first = summary ?? added[0];
  if (first === undefined) return removed.length === 0 ? null : REBUILD;
  const count = (summary?.count ?? 0) + added.length - removed.length;
  if (count < 0) return REBUILD;
  let seconds = summary?.time_spent_seconds ?? 0;
  for (const s of removed) {
    // A time that is no number (a hand-made import) would stay in the sum for good: start again instead.
    if (!Number.isFinite(s.time_spent_seconds)) return REBUILD;
    seconds -= s.time_spent_seconds;
  }
  for (const s of added) seconds += s.time_spent_seconds;
  const gone = new Set(removed.map((s) => s.id));
  // Nothing left: the removals must have taken the latest too, or they were not this summary's sessions.
  if (count === 0) return summary === undefined || gone.has(summary.latest.id) ? null : REBUILD;
  const firstId = follow(summary && { id: summary.first_id }, gone, added, byId, (s) => ({ id: s.id }));
  if (firstId === REBUILD) return REBUILD;
  const latest = follow(summary?.latest, gone, added, isLaterScormSession, latestOf);
  if (latest === REBUILD) return REBUILD;
  return { user_id: first.user_id, package_id: first.package_id, first_id: firstId.id, count, time_spent_seconds: seconds, latest };
}

/** The summary of one learner's sessions of one course, from the sessions (null when there are none). */
export function summarizeScormSessions(sessions: readonly ScormSummarySession[]): ScormSummary | null {
  const summary = applyToScormSummary(undefined, [], sessions);
  if (summary === REBUILD) throw new Error('a summary built from nothing cannot ask to be rebuilt');
  return summary;
}

/** The grid cell of a summary: the same cell scormCell makes from the sessions it summarises. */
export function scormSummaryCell(summary: ScormSummary): GridCell {
  // scormCell's own rules for the latest session (status, score, help, updatedAt); the count and time are the summary's.
  const cell = scormCell([{ ...summary.latest, time_spent_seconds: 0 }]);
  return { ...cell, seconds: summary.time_spent_seconds, attempts: summary.count };
}
