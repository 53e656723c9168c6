import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildGrid } from '../../../shared/progress/build-grid';
import type { ProgressGrid } from '../../../shared/progress/build-grid';
import { classLearners, classLessonPlays, classScormSessions, classTries, classVrSessions, knownActivities } from '../data/progress-grid';
import type { OutpostDb } from '../db/outpost-db';

/**
 * The class grid, live: one live query per record type, so a change re-reads only its own table (a VR
 * session completing re-reads the class's VR sessions, not every exercise try), then the grid is rebuilt
 * from what is in memory. Undefined until everything has been read once.
 */
export function useClassGrid(db: OutpostDb, classId: string | null, now: Date): ProgressGrid | undefined {
  const learners = useLiveQuery(() => (classId ? classLearners(db, classId) : undefined), [db, classId]);
  const known = useLiveQuery(() => knownActivities(db), [db]);
  const vr = useLiveQuery(() => (learners ? classVrSessions(db, learners) : undefined), [db, learners]);
  const scorm = useLiveQuery(() => (learners ? classScormSessions(db, learners) : undefined), [db, learners]);
  const tries = useLiveQuery(() => (learners ? classTries(db, learners) : undefined), [db, learners]);
  const plays = useLiveQuery(() => (learners ? classLessonPlays(db, learners) : undefined), [db, learners]);
  return useMemo(
    () => (learners && known && vr && scorm && tries && plays ? buildGrid(learners, known, { vr, scorm, tries, plays }, now) : undefined),
    [learners, known, vr, scorm, tries, plays, now],
  );
}
