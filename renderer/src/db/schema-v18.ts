/**
 * Version 18: a page of `GET /api/logger/attemptlog` read from an index in the list's own order.
 *
 * The list is newest first: end_timestamp descending, then ordinal descending
 * (renderer/src/data/attempt-log-page.ts). A learner with 3,333 attempts had every one read and sorted
 * in memory to cut a page of 50 (45 ms p50 in Chromium); now a page is one range of one of these indexes
 * read backwards, past the rows it skips by a key cursor, and the total is an index count:
 * - [user+end_timestamp+ordinal+id]: the learner's attempts (no content or item filter);
 * - [user+content_id+end_timestamp+ordinal+id]: one exercise or quiz (`content=`);
 * - [user+item+end_timestamp+ordinal+id]: one question (`item=`); it replaces [user+item].
 * Each ends in the id so its keys are unique: a page's first key names exactly one row.
 *
 * Every attempt write updates every index, so two went for the three added: [user+item] (read only by
 * the attempt list) and `masterylog`, whose queries Dexie answers from [masterylog+ordinal]'s first part.
 * [user+content_id] stays, for its equals() queries (the console's hardest questions): over fake-indexeddb,
 * which the unit tests run on, Dexie 4.4's equals() on a prefix two or more parts shorter than an index
 * fails with a DataError (Chromium answers it; between() works on both). Query the new indexes' prefixes
 * with between().
 * Measured in Chromium at 100k attempts, a bulkPut of 50 attempts: 6.2 ms p50 with version 8's five
 * indexes, 8.9 ms with these six. A try's own list (`masterylog=`) has no index in this order: it is read
 * whole (one try's attempts) and sorted, as before.
 */
export const SCHEMA_V18 = {
  attemptLogs: ['id', 'sessionlog', '[masterylog+ordinal]', '[user+content_id]', '[user+end_timestamp+ordinal+id]', '[user+content_id+end_timestamp+ordinal+id]', '[user+item+end_timestamp+ordinal+id]'].join(', '),
} as const;
