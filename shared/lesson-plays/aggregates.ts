import type { LessonGrade, LessonPlaySession } from '../schemas/lesson-play-session';
import { averageGrade } from './grades';

/** The per-play fields the seed derives from a play's sessions. */
export interface LessonPlayAggregates {
  lessonSessionGradeMap: Record<string, LessonGrade>;
  averageGrade: LessonGrade | null;
  lessonSessionEngagementLevelMap: Record<string, number>;
  averageEngagementLevel: number | null;
  lessonSessionRepCountMap: Record<string, number>;
  totalRepCount: number;
  totalTargetRepCount: number;
  lessonSessionSimilarityScoreMap: Record<string, number>;
  averagePoseSimilarity: number | null;
}

/** Averages of 0-1 values keep 6 decimals, so 0.1 and 0.2 average to 0.15 on every machine and in every sort. */
export function roundUnit(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return roundUnit(values.reduce((a, b) => a + b, 0) / values.length);
}

/**
 * The seed's aggregates from the sessions (the same rule on the kiosk and in the reference server).
 * A skipped session has no results: it is left out of every map, total and average even if it carries
 * values. Maps are keyed by the session index as text. Totals count only sessions with both repCount and
 * targetRepCount (the session schema requires them together).
 */
export function lessonPlayAggregates(sessions: readonly LessonPlaySession[]): LessonPlayAggregates {
  const played = [...sessions].filter((s) => s.skipped !== true).sort((a, b) => a.index - b.index);
  const gradeMap: Record<string, LessonGrade> = {};
  const engagementMap: Record<string, number> = {};
  const repMap: Record<string, number> = {};
  const similarityMap: Record<string, number> = {};
  let totalRepCount = 0;
  let totalTargetRepCount = 0;
  for (const s of played) {
    const key = String(s.index);
    if (s.grade !== undefined) gradeMap[key] = s.grade;
    if (s.engagementLevel !== undefined) engagementMap[key] = s.engagementLevel;
    if (s.poseSimilarity !== undefined) similarityMap[key] = s.poseSimilarity;
    if (s.repCount !== undefined && s.targetRepCount !== undefined) {
      repMap[key] = s.repCount;
      totalRepCount += s.repCount;
      totalTargetRepCount += s.targetRepCount;
    }
  }
  return {
    lessonSessionGradeMap: gradeMap,
    averageGrade: averageGrade(Object.values(gradeMap)),
    lessonSessionEngagementLevelMap: engagementMap,
    averageEngagementLevel: mean(Object.values(engagementMap)),
    lessonSessionRepCountMap: repMap,
    totalRepCount,
    totalTargetRepCount,
    lessonSessionSimilarityScoreMap: similarityMap,
    averagePoseSimilarity: mean(Object.values(similarityMap)),
  };
}
