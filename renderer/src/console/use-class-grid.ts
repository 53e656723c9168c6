import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { buildClassGrid } from '../../../shared/progress/build-grid';
import type { ProgressGrid } from '../../../shared/progress/build-grid';
import { classLearners, knownActivities, learnerLessonPlaySummaries, learnerExerciseSummaries, learnerScormSummaries, learnerVrSummaries } from '../data/progress-grid';
import type { ClassLearner } from '../data/progress-grid';
import type { OutpostDb } from '../db/outpost-db';
import { usePerLearnerLive } from './use-per-learner-live';

/**
 * The class grid, live: one live query per learner and record type, so a change re-reads only that
 * learner's records of its own table (a VR session completing re-reads that learner's VR summaries, one
 * per package, not the class's sessions, nor any exercise summary; a try written re-reads that learner's
 * exercise summaries, one per exercise, not their tries), then the grid is rebuilt from what is in
 * memory. Undefined until everything has been read once.
 */
export function useClassGrid(db: OutpostDb, classId: string | null, now: Date): ProgressGrid | undefined {
  const learners = useLiveQuery(() => (classId ? classLearners(db, classId) : undefined), [db, classId]);
  const known = useLiveQuery(() => knownActivities(db), [db]);
  const vr = usePerLearnerLive(learners, useCallback((l: ClassLearner) => learnerVrSummaries(db, l), [db]));
  const scorm = usePerLearnerLive(learners, useCallback((l: ClassLearner) => learnerScormSummaries(db, l), [db]));
  const tries = usePerLearnerLive(learners, useCallback((l: ClassLearner) => learnerExerciseSummaries(db, l), [db]));
  const plays = usePerLearnerLive(learners, useCallback((l: ClassLearner) => learnerLessonPlaySummaries(db, l), [db]));
  return useMemo(
    () => (learners && known && vr && scorm && tries && plays ? buildClassGrid(learners, known, { vr, scorm, tries, plays }, now) : undefined),
    [learners, known, vr, scorm, tries, plays, now],
  );
}
