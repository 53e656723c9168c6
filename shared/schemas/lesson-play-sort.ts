/**
 * What GET /api/lesson-plays may sort by. The seed says "Field to sort by (e.g., createdAt, score)": the
 * play's timestamps and its scalar results are sortable; `score` (the seed's example, which is not a
 * LessonPlay field) names the play's similarity score, averagePoseSimilarity. Anything else is a 400.
 * Every field here has an index for every filter on the kiosk (renderer/src/db/schema-v9.ts) and is
 * assumed indexed on the remote.
 */
export const LESSON_PLAY_SORT_FIELDS = [
  'createdAt',
  'completedAt',
  'activityTime',
  'averageGrade',
  'averageEngagementLevel',
  'averagePoseSimilarity',
  'totalRepCount',
  'caloriesBurned',
] as const;
export type LessonPlaySortField = (typeof LESSON_PLAY_SORT_FIELDS)[number];

export const LESSON_PLAY_SORT_ALIASES = { score: 'averagePoseSimilarity' } as const satisfies Record<string, LessonPlaySortField>;
export const LESSON_PLAY_SORT_NAMES = [...LESSON_PLAY_SORT_FIELDS, ...(Object.keys(LESSON_PLAY_SORT_ALIASES) as Array<keyof typeof LESSON_PLAY_SORT_ALIASES>)] as const;
export type LessonPlaySortName = (typeof LESSON_PLAY_SORT_NAMES)[number];
