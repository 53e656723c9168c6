import type { LessonPlay } from '../schemas/lesson-play';
import type { GridCell } from './grid-cell';
import { lessonCell } from './lesson-cell';
import { follow, REBUILD } from './summary-rules';

/**
 * What a learner's plays of one lesson come to, kept so the class grid never reads the plays themselves
 * (100,000 in a class after a year): exactly what `lessonCell` needs (the latest play, how many, their
 * time) plus the oldest play, which orders the columns of lessons the catalog does not know. It changes by
 * what one play write adds and removes, so keeping it costs the same after 3,000 plays as after three.
 * Keyed by the play's client (the learner's tenant, which the grid reads by), learner and lesson.
 * See docs/performance.md.
 */
export interface LessonPlaySummary {
  readonly clientId: string;
  readonly userId: string;
  readonly lessonId: string;
  /** Plays of this learner and lesson: the cell's attempts. */
  readonly count: number;
  /** Sum of the plays' activityTime (seconds; a play without one counts 0), rounded only when the cell is built. */
  readonly activityTime: number;
  /** The first play in the order the grid read plays in (createdAt, then id, as strings compare). */
  readonly oldest: LessonPlayRef;
  /** The play lessonCell reads as the latest: see isLaterPlay. */
  readonly latest: LatestLessonPlay;
}

export interface LessonPlayRef {
  readonly id: string;
  readonly createdAt: string;
}
export interface LatestLessonPlay extends LessonPlayRef {
  readonly completedAt: string | null;
  readonly averageGrade: NonNullable<LessonPlay['averageGrade']> | null;
}

/** The fields of a play row the summary reads (rows carry more; nothing else matters to it). */
export type LessonSummaryPlay = Pick<LessonPlay, 'id' | 'clientId' | 'lessonId' | 'createdAt' | 'completedAt' | 'activityTime' | 'averageGrade'> & { readonly userId: string };

/** A play row as far as the summary goes; plays without a learner (the grid shows none of them) are left out. */
export function asLessonSummaryPlay(row: unknown): LessonSummaryPlay | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Partial<LessonSummaryPlay>;
  return typeof r.id === 'string' && typeof r.clientId === 'string' && typeof r.userId === 'string' && typeof r.lessonId === 'string' && typeof r.createdAt === 'string' ? (row as LessonSummaryPlay) : undefined;
}

/** True when `a` comes before `b` in IndexedDB's order of [createdAt, id] (strings by code unit, as `<` compares). */
export function isEarlierPlay(a: LessonPlayRef, b: LessonPlayRef): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

/**
 * The play lessonCell takes as the latest of plays read in [createdAt, id] order: it sorts them stably by
 * createdAt descending with localeCompare, so the latest is the greatest createdAt by localeCompare and,
 * of plays equal by it, the one read first. True when `a` is taken before `b`.
 */
export function isLaterPlay(a: LessonPlayRef, b: LessonPlayRef): boolean {
  const order = a.createdAt.localeCompare(b.createdAt);
  return order > 0 || (order === 0 && isEarlierPlay(a, b));
}

const refOf = (p: LessonSummaryPlay): LessonPlayRef => ({ id: p.id, createdAt: p.createdAt });
const latestOf = (p: LessonSummaryPlay): LatestLessonPlay => ({ id: p.id, createdAt: p.createdAt, completedAt: p.completedAt ?? null, averageGrade: p.averageGrade ?? null });

/**
 * The summary after some of its plays were removed and others added (an update is the old row removed and
 * the new one added). Every play must belong to the summary's client, learner and lesson. Returns null when
 * no play is left, and REBUILD when the latest or oldest play was removed (or moved) and no added one is
 * known to take its place: the caller then summarises the plays again. A removal the summary cannot hold
 * (more than it counts, a time that is no number) asks for a rebuild too, never a wrong figure.
 */
export function applyToLessonSummary(summary: LessonPlaySummary | undefined, removed: readonly LessonSummaryPlay[], added: readonly LessonSummaryPlay[]): LessonPlaySummary | null | typeof REBUILD {
  const first = summary ?? added[0];
  if (first === undefined) return removed.length === 0 ? null : REBUILD;
  const count = (summary?.count ?? 0) + added.length - removed.length;
  if (count < 0) return REBUILD;
  let activityTime = summary?.activityTime ?? 0;
  for (const p of removed) {
    const time = p.activityTime ?? 0;
    // A time that is no number (a hand-made import) would stay in the sum for good: start again instead.
    if (!Number.isFinite(time)) return REBUILD;
    activityTime -= time;
  }
  for (const p of added) activityTime += p.activityTime ?? 0;
  const gone = new Set(removed.map((p) => p.id));
  // Nothing left: the removals must have taken the latest too, or they were not this summary's plays.
  if (count === 0) return summary === undefined || gone.has(summary.latest.id) ? null : REBUILD;
  const oldest = follow(summary?.oldest, gone, added, isEarlierPlay, refOf);
  if (oldest === REBUILD) return REBUILD;
  const latest = follow(summary?.latest, gone, added, isLaterPlay, latestOf);
  if (latest === REBUILD) return REBUILD;
  return { clientId: first.clientId, userId: first.userId, lessonId: first.lessonId, count, activityTime, oldest, latest };
}

/** The summary of one learner's plays of one lesson, from the plays (null when there are none). */
export function summarizeLessonPlays(plays: readonly LessonSummaryPlay[]): LessonPlaySummary | null {
  const summary = applyToLessonSummary(undefined, [], plays);
  if (summary === REBUILD) throw new Error('a summary built from nothing cannot ask to be rebuilt');
  return summary;
}

/** The grid cell of a summary: the same cell lessonCell makes from the plays it summarises. */
export function lessonSummaryCell(summary: LessonPlaySummary): GridCell {
  // lessonCell's own rules for the latest play (status, score, updatedAt); the count and time are the summary's.
  const cell = lessonCell([{ createdAt: summary.latest.createdAt, completedAt: summary.latest.completedAt, averageGrade: summary.latest.averageGrade }]);
  return { ...cell, seconds: Math.round(summary.activityTime), attempts: summary.count };
}
