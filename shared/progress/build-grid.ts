import { exerciseCell } from './exercise-cell';
import type { TryFacts } from './exercise-cell';
import { exerciseSummaryCell } from './exercise-summary';
import type { ExerciseSummary } from './exercise-summary';
import type { MultilingualTitle } from '../schemas/common';
import type { ActivityKind, GridCell } from './grid-cell';
import { lessonCell } from './lesson-cell';
import type { LessonPlayFacts } from './lesson-cell';
import { isEarlierPlay, lessonSummaryCell } from './lesson-summary';
import type { LessonPlaySummary } from './lesson-summary';
import { longRunning, longRunningCounted, mergeCounted } from './long-sessions';
import type { CountedTimes } from './long-sessions';
import { scormCell } from './scorm-cell';
import type { ScormSessionFacts } from './scorm-cell';
import { scormSummaryCell } from './scorm-summary';
import type { ScormSummary } from './scorm-summary';
import { runningSeconds, vrCell } from './vr-cell';
import type { VrSessionFacts } from './vr-cell';
import { lastRunning, runningSecondsOf, vrSummaryCell } from './vr-summary';
import type { VrSummary } from './vr-summary';

export interface GridActivity {
  /** `kind:id`, unique across kinds. */
  readonly key: string;
  readonly kind: ActivityKind;
  readonly id: string;
  /**
   * A lesson's title is in several languages (the UI picks one); null when the kiosk knows the activity only
   * from records (an exercise's title is the UI's to find; otherwise its id is shown).
   */
  readonly title: string | MultilingualTitle | null;
}

export interface GridLearner {
  readonly id: string;
  readonly name: string;
}

export interface GridRecords {
  readonly vr: readonly (VrSessionFacts & { user_id: string; package_id: string })[];
  readonly scorm: readonly (ScormSessionFacts & { user_id: string; package_id: string })[];
  readonly tries: readonly (TryFacts & { user: string; content_id: string })[];
  readonly plays: readonly (LessonPlayFacts & { userId?: string | undefined; lessonId: string })[];
}

/**
 * The records of a class as the grid reads them: VR sessions as one summary per learner and package, SCORM
 * sessions as one per learner and course, exercise tries as one per learner and exercise, lesson plays as
 * one per learner and lesson.
 */
export interface ClassGridRecords {
  readonly vr: readonly VrSummary[];
  readonly scorm: readonly ScormSummary[];
  readonly tries: readonly ExerciseSummary[];
  readonly plays: readonly LessonPlaySummary[];
}

export interface ProgressGrid {
  readonly learners: readonly GridLearner[];
  readonly activities: readonly GridActivity[];
  /** Keyed by cellKey(learner, activity); a missing cell is not started. */
  readonly cells: ReadonlyMap<string, GridCell>;
}

export const activityKey = (kind: ActivityKind, id: string): string => `${kind}:${id}`;
export const cellKey = (learnerId: string, activity: string): string => `${learnerId}\n${activity}`;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

type AddCell = (kind: ActivityKind, id: string, learner: string, cell: GridCell) => void;

type AddCells = (members: ReadonlySet<string>, add: AddCell) => void;

/** The grid's frame: columns, the members' cells of every kind; `addVr`, `addScorm`, `addExercises` and `addLessons` put those kinds' cells in. */
function assemble(
  learners: readonly GridLearner[],
  known: readonly GridActivity[],
  addVr: (members: ReadonlySet<string>, add: AddCell, flagLong: (learner: string, pkg: string) => void) => void,
  addScorm: AddCells,
  addExercises: AddCells,
  addLessons: AddCells,
): ProgressGrid {
  const members = new Set(learners.map((l) => l.id));
  const activities = new Map(known.map((a) => [a.key, a]));
  const cells = new Map<string, GridCell>();
  const add: AddCell = (kind, id, learner, cell) => {
    const key = activityKey(kind, id);
    if (!activities.has(key)) activities.set(key, { key, kind, id, title: null });
    cells.set(cellKey(learner, key), cell);
  };
  const flagLong = (learner: string, pkg: string) => {
    const key = cellKey(learner, activityKey('vr', pkg));
    const cell = cells.get(key);
    if (cell && cell.help === null) cells.set(key, { ...cell, help: 'longSession' });
  };
  addVr(members, add, flagLong);
  addScorm(members, add);
  addExercises(members, add);
  addLessons(members, add);
  return { learners, activities: [...activities.values()], cells };
}

function addScormSessions(sessions: GridRecords['scorm']): AddCells {
  return (members, add) => {
    const mine = sessions.filter((s) => members.has(s.user_id));
    for (const group of groupBy(mine, (s) => cellKey(s.user_id, s.package_id)).values()) add('scorm', group[0]!.package_id, group[0]!.user_id, scormCell(group));
  };
}

/** Each learner's SCORM summaries in the order buildGrid meets their courses (sessions read by id), learners kept in their order. */
function inFirstIdOrder(summaries: readonly ScormSummary[]): ScormSummary[] {
  const learnerAt = new Map<string, number>();
  for (const s of summaries) if (!learnerAt.has(s.user_id)) learnerAt.set(s.user_id, learnerAt.size);
  return [...summaries].sort((a, b) => learnerAt.get(a.user_id)! - learnerAt.get(b.user_id)! || (a.first_id < b.first_id ? -1 : a.first_id > b.first_id ? 1 : 0));
}

function addExerciseTries(tries: GridRecords['tries']): AddCells {
  return (members, add) => {
    const mine = tries.filter((t) => members.has(t.user));
    for (const group of groupBy(mine, (t) => cellKey(t.user, t.content_id)).values()) add('exercise', group[0]!.content_id, group[0]!.user, exerciseCell(group));
  };
}

/**
 * Each learner's exercise summaries in the order buildGrid meets their exercises (tries read by
 * [user+content_id]: by content_id), learners kept in their order.
 */
function inContentOrder(summaries: readonly ExerciseSummary[]): ExerciseSummary[] {
  const learnerAt = new Map<string, number>();
  for (const s of summaries) if (!learnerAt.has(s.user)) learnerAt.set(s.user, learnerAt.size);
  return [...summaries].sort((a, b) => learnerAt.get(a.user)! - learnerAt.get(b.user)! || (a.content_id < b.content_id ? -1 : a.content_id > b.content_id ? 1 : 0));
}

function addLessonPlays(plays: GridRecords['plays']): AddCells {
  return (members, add) => {
    const mine = plays.filter((p) => members.has(p.userId ?? ''));
    for (const group of groupBy(mine, (p) => cellKey(p.userId ?? '', p.lessonId)).values()) add('lesson', group[0]!.lessonId, group[0]!.userId ?? '', lessonCell(group));
  };
}

/**
 * Each learner's lesson summaries in the order buildGrid meets their lessons (plays read by [createdAt, id]:
 * by the oldest play), learners kept in their order.
 */
function inOldestPlayOrder(summaries: readonly LessonPlaySummary[]): LessonPlaySummary[] {
  const learnerAt = new Map<string, number>();
  for (const s of summaries) if (!learnerAt.has(s.userId)) learnerAt.set(s.userId, learnerAt.size);
  return [...summaries].sort((a, b) => learnerAt.get(a.userId)! - learnerAt.get(b.userId)! || (isEarlierPlay(a.oldest, b.oldest) ? -1 : isEarlierPlay(b.oldest, a.oldest) ? 1 : 0));
}

/**
 * The class grid from its records, linear in their number: one cell per learner and activity with records,
 * activities being the catalog's (`known`) plus any the records name. Long VR sessions are judged per package.
 * This reads every VR session; the page reads summaries instead (buildClassGrid), and this is the rule
 * those are tested against (test/renderer/data/vr-summary-grid.test.ts).
 */
export function buildGrid(learners: readonly GridLearner[], known: readonly GridActivity[], records: GridRecords, now: Date): ProgressGrid {
  return assemble(learners, known, (members, add, flagLong) => {
    const vrGroups = groupBy(
      records.vr.filter((s) => members.has(s.user_id)),
      (s) => cellKey(s.user_id, s.package_id),
    );
    const running = new Map<string, Map<string, number>>();
    const finished = new Map<string, number[]>();
    for (const sessions of vrGroups.values()) {
      const { user_id: user, package_id: pkg } = sessions[0]!;
      add('vr', pkg, user, vrCell(sessions, now));
      for (const s of sessions) {
        if (s.status === 'completed') {
          // push, not concat: a package's list grows to thousands with a class's history.
          const times = finished.get(pkg);
          if (times) times.push(s.time_spent_seconds);
          else finished.set(pkg, [s.time_spent_seconds]);
        } else if (s.status === 'in_progress') running.set(pkg, (running.get(pkg) ?? new Map<string, number>()).set(user, runningSeconds(s, now)));
      }
    }
    for (const [pkg, byLearner] of running) for (const learner of longRunning(byLearner, finished.get(pkg) ?? [])) flagLong(learner, pkg);
  }, addScormSessions(records.scorm), addExerciseTries(records.tries), addLessonPlays(records.plays));
}

/** Each learner's summaries in the order buildGrid meets their packages (by first session id), learners kept in their order. */
function inFirstSessionOrder(summaries: readonly VrSummary[]): VrSummary[] {
  const learnerAt = new Map<string, number>();
  for (const s of summaries) if (!learnerAt.has(s.user_id)) learnerAt.set(s.user_id, learnerAt.size);
  return [...summaries].sort((a, b) => learnerAt.get(a.user_id)! - learnerAt.get(b.user_id)! || (a.first_id < b.first_id ? -1 : a.first_id > b.first_id ? 1 : 0));
}

/**
 * The class grid as the page shows it: the same cells as buildGrid, with VR cells from one summary per
 * learner and package (vr-summary.ts) instead of every session, SCORM cells from one per learner and
 * course (scorm-summary.ts), exercise cells from one per learner and exercise (exercise-summary.ts) and lesson cells from one per learner and lesson (lesson-summary.ts), so its cost does not grow with the class's
 * history. A package's finished times are merged from the learners' counted times for the long-session rule.
 */
export function buildClassGrid(learners: readonly GridLearner[], known: readonly GridActivity[], records: ClassGridRecords, now: Date): ProgressGrid {
  return assemble(learners, known, (members, add, flagLong) => {
    const running = new Map<string, Map<string, number>>();
    const finished = new Map<string, CountedTimes[]>();
    for (const summary of inFirstSessionOrder(records.vr)) {
      if (!members.has(summary.user_id)) continue;
      const { user_id: user, package_id: pkg } = summary;
      add('vr', pkg, user, vrSummaryCell(summary, now));
      if (summary.finished.length > 0) {
        const lists = finished.get(pkg);
        if (lists) lists.push(summary.finished);
        else finished.set(pkg, [summary.finished]);
      }
      const last = lastRunning(summary);
      if (last) running.set(pkg, (running.get(pkg) ?? new Map<string, number>()).set(user, runningSecondsOf(last, now)));
    }
    for (const [pkg, byLearner] of running) for (const learner of longRunningCounted(byLearner, mergeCounted(finished.get(pkg) ?? []))) flagLong(learner, pkg);
  }, (members, add) => {
    for (const summary of inFirstIdOrder(records.scorm)) if (members.has(summary.user_id)) add('scorm', summary.package_id, summary.user_id, scormSummaryCell(summary));
  }, (members, add) => {
    for (const summary of inContentOrder(records.tries)) if (members.has(summary.user)) add('exercise', summary.content_id, summary.user, exerciseSummaryCell(summary));
  }, (members, add) => {
    for (const summary of inOldestPlayOrder(records.plays)) if (members.has(summary.userId)) add('lesson', summary.lessonId, summary.userId, lessonSummaryCell(summary));
  });
}
