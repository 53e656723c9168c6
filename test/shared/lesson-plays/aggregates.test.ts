import { describe, expect, it } from 'vitest';
import { lessonPlayAggregates } from '../../../shared/lesson-plays/aggregates';
import { sampleLessonPlay } from '../schemas/fixtures/lesson-play-seed-examples';
import type { LessonPlaySession } from '../../../shared/schemas/lesson-play-session';

describe('lessonPlayAggregates', () => {
  it("reproduces every aggregate of the seed's sample play from its sessions", () => {
    const aggregates = lessonPlayAggregates(sampleLessonPlay.sessions as LessonPlaySession[]);
    expect(aggregates).toEqual({
      lessonSessionGradeMap: sampleLessonPlay.lessonSessionGradeMap,
      averageGrade: sampleLessonPlay.averageGrade,
      lessonSessionEngagementLevelMap: sampleLessonPlay.lessonSessionEngagementLevelMap,
      averageEngagementLevel: sampleLessonPlay.averageEngagementLevel,
      lessonSessionRepCountMap: sampleLessonPlay.lessonSessionRepCountMap,
      totalRepCount: sampleLessonPlay.totalRepCount,
      totalTargetRepCount: sampleLessonPlay.totalTargetRepCount,
      lessonSessionSimilarityScoreMap: sampleLessonPlay.lessonSessionSimilarityScoreMap,
      averagePoseSimilarity: sampleLessonPlay.averagePoseSimilarity,
    });
  });

  it('leaves skipped sessions out of every map, total and average', () => {
    const aggregates = lessonPlayAggregates([
      { index: 0, grade: 'F', engagementLevel: 0, poseSimilarity: 0, repCount: 1, targetRepCount: 10, skipped: true },
      { index: 1, grade: 'A', engagementLevel: 0.5, repCount: 5, targetRepCount: 5 },
      { index: 2, skipped: false },
    ]);
    expect(aggregates).toMatchObject({ lessonSessionGradeMap: { '1': 'A' }, averageGrade: 'A', averageEngagementLevel: 0.5, totalRepCount: 5, totalTargetRepCount: 5, averagePoseSimilarity: null });
  });

  it('is empty with nulls for a play without results, and rounds averages to 6 decimals', () => {
    expect(lessonPlayAggregates([])).toMatchObject({ averageGrade: null, averageEngagementLevel: null, averagePoseSimilarity: null, totalRepCount: 0, lessonSessionGradeMap: {} });
    expect(lessonPlayAggregates([{ index: 0, engagementLevel: 0.1 }, { index: 1, engagementLevel: 0.2 }]).averageEngagementLevel).toBe(0.15);
  });
});
