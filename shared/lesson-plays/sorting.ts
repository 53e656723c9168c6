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

/** Fields holding text (ISO timestamps, grades); the others hold numbers. */
export const TEXT_SORT_FIELDS: ReadonlySet<LessonPlaySortField> = new Set(['createdAt', 'completedAt', 'averageGrade']);

export function sortFieldOf(name: LessonPlaySortName): LessonPlaySortField {
  return Object.hasOwn(LESSON_PLAY_SORT_ALIASES, name) ? LESSON_PLAY_SORT_ALIASES[name as keyof typeof LESSON_PLAY_SORT_ALIASES] : (name as LessonPlaySortField);
}

/**
 * The value a play sorts by, or undefined when it has none. null counts as none: a play with no value
 * for the field is not listed when sorting by it (Firestore's orderBy leaves such documents out; an
 * IndexedDB index cannot hold null), on the kiosk and in the reference server alike.
 */
export function sortValueOf(play: object, field: LessonPlaySortField): string | number | undefined {
  const value = (play as Record<string, unknown>)[field];
  if (TEXT_SORT_FIELDS.has(field)) return typeof value === 'string' ? value : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Strings by UTF-16 code units, numbers numerically: the order of IndexedDB keys and Firestore alike. */
export function compareSortValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order of a listing: the sort value, then the play id (in the same direction). */
export function comparePlays(a: { value: string | number; id: string }, b: { value: string | number; id: string }): number {
  return compareSortValues(a.value, b.value) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
