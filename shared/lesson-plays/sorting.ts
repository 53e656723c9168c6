import { LESSON_PLAY_SORT_ALIASES, LESSON_PLAY_SORT_FIELDS, LESSON_PLAY_SORT_NAMES } from '../schemas/lesson-play-sort';
import type { LessonPlaySortField, LessonPlaySortName } from '../schemas/lesson-play-sort';

export { LESSON_PLAY_SORT_ALIASES, LESSON_PLAY_SORT_FIELDS, LESSON_PLAY_SORT_NAMES };
export type { LessonPlaySortField, LessonPlaySortName };

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
