import { Dexie } from 'dexie';
import { activityKey, buildClassGrid } from '../../../shared/progress/build-grid';
import type { ClassGridRecords, GridActivity, GridLearner, GridRecords, ProgressGrid } from '../../../shared/progress/build-grid';
import type { OutpostDb } from '../db/outpost-db';
import { classMembers } from './classes';
import { scormSessionTable } from './scorm-session-table';

export type ClassLearner = GridLearner & { readonly tenant_id: string };

/** The class's learners (instructors on the list are not in the grid). */
export async function classLearners(db: OutpostDb, classId: string): Promise<ClassLearner[]> {
  // In a read transaction so that, inside a live query, the read after classMembers' own await is still observed.
  const members = await db.transaction('r', db.classMembers, db.learners, () => classMembers(db, classId));
  return members.filter((m) => m.role === 'learner').map((m) => ({ id: m.id, name: m.display_name, tenant_id: m.tenant_id }));
}

/** What the grid has columns for even before anyone starts: the library's VR packages, courses and lessons. */
export async function knownActivities(db: OutpostDb): Promise<GridActivity[]> {
  const [packages, courses, lessons] = await Promise.all([db.vrPackages.toArray(), db.scormCourses.toArray(), db.lessons.toArray()]);
  return [
    ...packages.map((p) => ({ key: activityKey('vr', p.id), kind: 'vr' as const, id: p.id, title: p.title })),
    ...courses.map((c) => ({ key: activityKey('scorm', c.id), kind: 'scorm' as const, id: c.id, title: c.title })),
    ...lessons.map((l) => ({ key: activityKey('lesson', l.id), kind: 'lesson' as const, id: l.id, title: l.title ?? null })),
  ];
}

// One reader per record type and learner, each a range of an index (never a scan, never a cursor over an
// anyOf): a live query over one learner's records re-runs only when that learner's records of that type
// change, so one session completing re-reads one learner's summaries, not the class's history.

/**
 * The learner's VR summaries, one per package they have sessions of (schema v17, kept with every session
 * write): what the grid reads instead of the sessions, a few rows per learner however long the history.
 */
export function learnerVrSummaries(db: OutpostDb, learner: ClassLearner): Promise<ClassGridRecords['vr']> {
  return db.vrSummaries.where('[user_id+package_id]').between([learner.id, Dexie.minKey], [learner.id, Dexie.maxKey]).toArray();
}

/**
 * Every VR session of the learner, only what a grid cell needs of each (the rows buildGrid, the rule the
 * summaries are checked against, is given in tests and benchmarks; the page reads learnerVrSummaries), the learner's and package's ids shared rather than one copy
 * per row: a class's whole VR history stays in memory while the grid is open, so each row kept is small.
 */
export async function learnerVrSessions(db: OutpostDb, learner: ClassLearner): Promise<GridRecords['vr']> {
  const rows = await db.vrSessions.where('user_id').equals(learner.id).toArray();
  const packageIds = new Map<string, string>();
  return rows.map((row) => {
    let packageId = packageIds.get(row.package_id);
    if (packageId === undefined) packageIds.set(row.package_id, (packageId = row.package_id));
    return {
      user_id: learner.id,
      package_id: packageId,
      status: row.status,
      score: row.score,
      success_status: row.success_status,
      time_spent_seconds: row.time_spent_seconds,
      first_launch_at: row.first_launch_at,
      created_at: row.created_at,
      completed_at: row.completed_at,
    };
  });
}

/**
 * The learner's SCORM summaries, one per course they have sessions of (schema v20, kept with every session
 * write, shared/progress/scorm-summary.ts): what the grid reads instead of the sessions.
 */
export function learnerScormSummaries(db: OutpostDb, learner: ClassLearner): Promise<ClassGridRecords['scorm']> {
  return db.scormSummaries.where('[user_id+package_id]').between([learner.id, Dexie.minKey], [learner.id, Dexie.maxKey]).toArray();
}

/** Every SCORM session of the learner, by id as the grid once read them: buildGrid's input, the rule the summaries are checked against. */
export function learnerScormSessionRows(db: OutpostDb, learner: ClassLearner): Promise<GridRecords['scorm']> {
  return scormSessionTable(db).where('user_id').equals(learner.id).toArray();
}

/**
 * The learner's exercise summaries, one per exercise or quiz they have tries at (schema v22, kept with every
 * try write, shared/progress/exercise-summary.ts): what the grid reads instead of the tries.
 */
export function learnerExerciseSummaries(db: OutpostDb, learner: ClassLearner): Promise<ClassGridRecords['tries']> {
  return db.exerciseSummaries.where('[user+content_id]').between([learner.id, Dexie.minKey], [learner.id, Dexie.maxKey]).toArray();
}

/** Every try of the learner, by [user+content_id] as the grid once read them: buildGrid's input, the rule the summaries are checked against. */
export function learnerTries(db: OutpostDb, learner: ClassLearner): Promise<GridRecords['tries']> {
  return db.masteryLogs.where('[user+content_id]').between([learner.id, Dexie.minKey], [learner.id, Dexie.maxKey]).toArray();
}

/**
 * The learner's lesson play summaries, one per lesson they have played (schema v19, kept with every play
 * write, shared/progress/lesson-summary.ts): what the grid reads instead of the plays, a few rows per
 * learner however long the history. Plays of the learner's own tenant only, as the plays were read.
 */
export function learnerLessonPlaySummaries(db: OutpostDb, learner: ClassLearner): Promise<ClassGridRecords['plays']> {
  return db.lessonPlaySummaries.where('[clientId+userId+lessonId]').between([learner.tenant_id, learner.id, Dexie.minKey], [learner.tenant_id, learner.id, Dexie.maxKey]).toArray();
}

/**
 * Every lesson play of the learner in the order the grid once read them ([createdAt, id]): buildGrid's input,
 * the rule the summaries are checked against in tests and benchmarks; the page reads the summaries.
 */
export function learnerLessonPlayRows(db: OutpostDb, learner: ClassLearner): Promise<GridRecords['plays']> {
  return db.lessonPlays.where('[clientId+userId+createdAt+id]').between([learner.tenant_id, learner.id, Dexie.minKey], [learner.tenant_id, learner.id, Dexie.maxKey]).toArray();
}

async function perLearner<R>(learners: readonly ClassLearner[], read: (learner: ClassLearner) => Promise<readonly R[]>): Promise<R[]> {
  return (await Promise.all(learners.map(read))).flat();
}

export function classVrSessions(db: OutpostDb, learners: readonly ClassLearner[]): Promise<GridRecords['vr']> {
  return perLearner(learners, (l) => learnerVrSessions(db, l));
}

export function classVrSummaries(db: OutpostDb, learners: readonly ClassLearner[]): Promise<ClassGridRecords['vr']> {
  return perLearner(learners, (l) => learnerVrSummaries(db, l));
}

export function classScormSummaries(db: OutpostDb, learners: readonly ClassLearner[]): Promise<ClassGridRecords['scorm']> {
  return perLearner(learners, (l) => learnerScormSummaries(db, l));
}

export function classScormSessions(db: OutpostDb, learners: readonly ClassLearner[]): Promise<GridRecords['scorm']> {
  return perLearner(learners, (l) => learnerScormSessionRows(db, l));
}

export function classExerciseSummaries(db: OutpostDb, learners: readonly ClassLearner[]): Promise<ClassGridRecords['tries']> {
  return perLearner(learners, (l) => learnerExerciseSummaries(db, l));
}

export function classTries(db: OutpostDb, learners: readonly ClassLearner[]): Promise<GridRecords['tries']> {
  return perLearner(learners, (l) => learnerTries(db, l));
}

export function classLessonPlaySummaries(db: OutpostDb, learners: readonly ClassLearner[]): Promise<ClassGridRecords['plays']> {
  return perLearner(learners, (l) => learnerLessonPlaySummaries(db, l));
}

export function classLessonPlays(db: OutpostDb, learners: readonly ClassLearner[]): Promise<GridRecords['plays']> {
  return perLearner(learners, (l) => learnerLessonPlayRows(db, l));
}

/** The whole grid in one read (tests, benchmarks, exports without a page). */
export async function loadClassGrid(db: OutpostDb, classId: string, now: Date): Promise<ProgressGrid> {
  // One read transaction: every read is observed by a live query over this, however deep the awaits go.
  const tables = [db.classMembers, db.learners, db.vrPackages, db.scormCourses, db.lessons, db.vrSummaries, db.scormSummaries, db.exerciseSummaries, db.lessonPlaySummaries];
  return db.transaction('r', tables, async () => {
    const learners = await classLearners(db, classId);
    const [known, vr, scorm, tries, plays] = await Promise.all([knownActivities(db), classVrSummaries(db, learners), classScormSummaries(db, learners), classExerciseSummaries(db, learners), classLessonPlaySummaries(db, learners)]);
    return buildClassGrid(learners, known, { vr, scorm, tries, plays }, now);
  });
}
