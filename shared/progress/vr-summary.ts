import type { VrSession } from '../schemas/vr-session';
import { clampScore } from './grid-cell';
import type { GridCell } from './grid-cell';
import { REBUILD } from './summary-rules';
import { runningSeconds, vrCellStatus } from './vr-cell';

/**
 * What a learner's VR sessions of one package come to, kept so the class grid never reads the sessions
 * themselves (100,000 in a class after a year). It holds exactly what `vrCell` and the "running far longer"
 * rule need, and changes by what one session write adds and removes, so keeping it costs the same after
 * 3,000 sessions as after three. Running sessions keep their launch time: their seconds are counted
 * against the clock when the grid is read. See docs/performance.md.
 */
export interface VrSummary {
  readonly user_id: string;
  readonly package_id: string;
  /**
   * The smallest session id: buildGrid meets a learner's packages in the order of their first session by id,
   * and so appends packages the library does not know as columns in that order; the summaries keep it.
   */
  readonly first_id: string;
  /** Sessions of this learner and package: the cell's attempts. */
  readonly count: number;
  /** Sum of the completed sessions' time_spent_seconds. */
  readonly completed_seconds: number;
  /**
   * The completed sessions' time_spent_seconds as [seconds, how many] pairs, ascending by seconds: the
   * class's median per package is exact from these (a count per distinct time, not every session's).
   */
  readonly finished: readonly (readonly [number, number])[];
  /** The newest session: created latest; of several created at the same time, the smallest id. */
  readonly newest: VrNewestSession;
  /** The newest completed session (same order), for the cell's score. */
  readonly newest_completed: VrNewestCompleted | null;
  /** Sessions in progress (few: one per learner and package, normally), ascending by id. */
  readonly running: readonly VrRunningSession[];
}

export type VrNewestSession = Pick<VrSession, 'id' | 'created_at' | 'status' | 'success_status' | 'completed_at' | 'first_launch_at'>;
export interface VrNewestCompleted {
  readonly id: string;
  readonly created_at: string;
  /** score.scaled as recorded (clamped when the cell is built, as vrCell does). */
  readonly scaled: number | null;
}
export interface VrRunningSession {
  readonly id: string;
  readonly first_launch_at: string | null;
}

/** The fields of a session row the summary reads (rows carry more; nothing else matters to it). */
export type VrSummarySession = Pick<VrSession, 'id' | 'user_id' | 'package_id' | 'status' | 'score' | 'success_status' | 'time_spent_seconds' | 'first_launch_at' | 'created_at' | 'completed_at'>;

/** A change the summary cannot follow by itself (its newest session went away): read the pair's sessions again. */
export { REBUILD };

/**
 * The order vrCell reads a learner's sessions of a package in: newest created first (by localeCompare, as
 * vrCell sorts), and of sessions created at the same time, the one read first, which is the smallest id
 * (IndexedDB returns a learner's sessions by id). True when `a` comes strictly before `b`.
 */
export function isNewer(a: Pick<VrSession, 'id' | 'created_at'>, b: Pick<VrSession, 'id' | 'created_at'>): boolean {
  const order = a.created_at.localeCompare(b.created_at);
  return order > 0 || (order === 0 && a.id < b.id);
}

const byId = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function newestOf<T extends Pick<VrSession, 'id' | 'created_at'>>(rows: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const row of rows) if (best === undefined || isNewer(row, best)) best = row;
  return best;
}

/** Adds `delta` to the count of `value` in a sorted [value, count] list; null when a removal finds nothing to remove. */
function countIn(pairs: readonly (readonly [number, number])[], value: number, delta: number): (readonly [number, number])[] | null {
  const out = [...pairs];
  let lo = 0;
  let hi = out.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (out[mid]![0] < value) lo = mid + 1;
    else hi = mid;
  }
  const found = out[lo];
  if (found !== undefined && Object.is(found[0], value)) {
    const count = found[1] + delta;
    if (count < 0) return null;
    if (count === 0) out.splice(lo, 1);
    else out[lo] = [value, count];
    return out;
  }
  if (delta < 0) return null;
  out.splice(lo, 0, [value, delta]);
  return out;
}

const newestFacts = (s: VrSummarySession): VrNewestSession => ({
  id: s.id,
  created_at: s.created_at,
  status: s.status,
  success_status: s.success_status,
  completed_at: s.completed_at,
  first_launch_at: s.first_launch_at,
});
const completedFacts = (s: VrSummarySession): VrNewestCompleted => ({ id: s.id, created_at: s.created_at, scaled: s.score?.scaled ?? null });

/**
 * The summary after some of its sessions were removed and others added (an update is the old row removed
 * and the new one added). Every session must belong to the summary's learner and package. Returns null when
 * no session is left, and REBUILD when the newest (or newest completed) session was removed or moved back
 * and no added one is known to take its place: the caller then summarises the pair's sessions again. A
 * removal the summary does not hold (it was out of step) asks for a rebuild too, never a wrong figure.
 */
export function applyToSummary(summary: VrSummary | undefined, removed: readonly VrSummarySession[], added: readonly VrSummarySession[]): VrSummary | null | typeof REBUILD {
  const first = summary ?? added[0];
  if (first === undefined) return removed.length === 0 ? null : REBUILD;
  const count = (summary?.count ?? 0) + added.length - removed.length;
  if (count < 0) return REBUILD;
  let completedSeconds = summary?.completed_seconds ?? 0;
  let finished: readonly (readonly [number, number])[] | null = summary?.finished ?? [];
  let running = [...(summary?.running ?? [])];
  for (const s of removed) {
    if (s.status === 'completed') {
      // A time that is no number (a hand-made import) would stay in the sum for good: start again instead.
      if (!Number.isFinite(s.time_spent_seconds)) return REBUILD;
      completedSeconds -= s.time_spent_seconds;
      finished = finished && countIn(finished, s.time_spent_seconds, -1);
    } else if (s.status === 'in_progress') {
      const at = running.findIndex((r) => r.id === s.id);
      if (at < 0) return REBUILD;
      running.splice(at, 1);
    }
  }
  for (const s of added) {
    if (s.status === 'completed') {
      completedSeconds += s.time_spent_seconds;
      finished = finished && countIn(finished, s.time_spent_seconds, 1);
    } else if (s.status === 'in_progress') running.push({ id: s.id, first_launch_at: s.first_launch_at });
  }
  if (finished === null) return REBUILD;
  running = running.sort(byId);

  const gone = new Set(removed.map((s) => s.id));
  // Nothing left: the removals must have taken the newest too, or they were not this summary's sessions.
  if (count === 0) return summary === undefined || gone.has(summary.newest.id) ? null : REBUILD;
  const smallestAdded = added.reduce<string | undefined>((min, s) => (min === undefined || s.id < min ? s.id : min), undefined);
  let firstId = summary && !gone.has(summary.first_id) ? summary.first_id : undefined;
  if (summary && firstId === undefined) {
    if (smallestAdded === undefined || smallestAdded > summary.first_id) return REBUILD;
    firstId = smallestAdded;
  } else if (smallestAdded !== undefined && (firstId === undefined || smallestAdded < firstId)) firstId = smallestAdded;
  if (firstId === undefined) return REBUILD;

  const newestAdded = newestOf(added);
  let newest: VrNewestSession | undefined = summary && !gone.has(summary.newest.id) ? summary.newest : undefined;
  if (summary && newest === undefined) {
    // The newest went: an added session takes its place only if nothing left can be newer than it.
    if (newestAdded === undefined || isNewer(summary.newest, newestAdded)) return REBUILD;
    newest = newestFacts(newestAdded);
  } else if (newestAdded !== undefined && (newest === undefined || isNewer(newestAdded, newest))) newest = newestFacts(newestAdded);
  if (newest === undefined) return REBUILD;

  const doneAdded = newestOf(added.filter((s) => s.status === 'completed'));
  const before = summary?.newest_completed ?? null;
  let newestCompleted: VrNewestCompleted | null = before && !gone.has(before.id) ? before : null;
  if (before && newestCompleted === null) {
    if (doneAdded === undefined || isNewer(before, doneAdded)) return REBUILD;
    newestCompleted = completedFacts(doneAdded);
  } else if (doneAdded !== undefined && (newestCompleted === null || isNewer(doneAdded, newestCompleted))) newestCompleted = completedFacts(doneAdded);

  return { user_id: first.user_id, package_id: first.package_id, first_id: firstId, count, completed_seconds: completedSeconds, finished, newest, newest_completed: newestCompleted, running };
}

/** The summary of one learner's sessions of one package, from the sessions (null when there are none). */
export function summarize(sessions: readonly VrSummarySession[]): VrSummary | null {
  const summary = applyToSummary(undefined, [], sessions);
  if (summary === REBUILD) throw new Error('a summary built from nothing cannot ask to be rebuilt');
  return summary;
}

/** The in-progress session the "running far longer" rule looks at: the last one by id, as buildGrid meets them. */
export function lastRunning(summary: VrSummary): VrRunningSession | undefined {
  return summary.running.at(-1);
}

/** Seconds of a running session of the summary at `now` (0 before it was launched). */
export function runningSecondsOf(session: VrRunningSession, now: Date): number {
  return runningSeconds({ status: 'in_progress', first_launch_at: session.first_launch_at }, now);
}

/** The grid cell of a summary: the same cell vrCell makes from the sessions it summarises. */
export function vrSummaryCell(summary: VrSummary, now: Date): GridCell {
  const { newest } = summary;
  const status = vrCellStatus(newest);
  const seconds = summary.running.reduce((sum, s) => sum + runningSecondsOf(s, now), summary.completed_seconds);
  return {
    status,
    score: clampScore(summary.newest_completed?.scaled),
    seconds,
    attempts: summary.count,
    help: status === 'failed' ? 'failed' : null,
    updatedAt: newest.completed_at ?? newest.first_launch_at ?? newest.created_at,
  };
}
