import { LESSON_PLAY_SORT_FIELDS } from '../../../shared/lesson-plays/sorting';

/**
 * The filters GET /api/lesson-plays combines: clientId always, userId and lessonId optionally. Each is a
 * prefix of key paths, in this order, of the compound indexes below.
 */
export const LESSON_PLAY_FILTERS = [['clientId'], ['clientId', 'userId'], ['clientId', 'lessonId'], ['clientId', 'userId', 'lessonId']] as const;

/** The index serving one filter and sort: the filter's fields, the sort field, then id (the tie-breaker the cursor needs). */
export function lessonPlayIndexName(filter: readonly string[], sortField: string): string {
  return `[${[...filter, sortField, 'id'].join('+')}]`;
}

/**
 * Version 9: lesson plays indexed for every filter and sort combination the list allows, each ending in
 * the id so a page is one index range after the (value, id) cursor: no scan, no in-memory sort, no play
 * skipped or repeated among equal values. Version 1's four createdAt indexes are replaced by these.
 */
export const SCHEMA_V9 = {
  lessonPlays: ['id', ...LESSON_PLAY_FILTERS.flatMap((filter) => LESSON_PLAY_SORT_FIELDS.map((field) => lessonPlayIndexName(filter, field)))].join(', '),
} as const;
