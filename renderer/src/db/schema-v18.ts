/**
 * Version 18: a page of `GET /api/logger/attemptlog` read from an index in the list's own order.
 *
 * The list is newest first: end_timestamp descending, then ordinal descending
 * (renderer/src/data/attempt-log-page.ts). A learner with 3,333 attempts had every one read and sorted
 * in memory to cut a page of 50 (45 ms p50 in Chromium); now a page is one range of one of these indexes
 * read backwards, past the rows it skips by a key cursor, and the total is an index count:
 * - [user+end_timestamp+ordinal+id]: the learner's attempts (no content or item filter);
 * - [user+content_id+end_timestamp+ordinal+id]: one exercise or quiz (`content=`); it replaces
 *   [user+content_id];
 * - [user+item+end_timestamp+ordinal+id]: one question (`item=`); it replaces [user+item].
 * Each ends in the id so its keys are unique: a page's first key names exactly one row.
 *
 * Every attempt write updates every index, so three were dropped for the three added: [user+content_id]
 * and [user+item] (queries on them are answered by Dexie from the new indexes' prefixes), and `masterylog`
 * (answered from [masterylog+ordinal]'s). Measured in Chromium at 100k attempts, a bulkPut of 50 attempts
 * took 4.8 ms p50 with version 8's five indexes, 7.2 ms with the three added to them, 5.9 ms like this.
 * A try's own list (`masterylog=`) has no index in this order: it is read whole (one try's attempts) and
 * sorted, as before; an index for it cost another 0.9 ms on that write.
 */
export const SCHEMA_V18 = {
  attemptLogs: ['id', 'sessionlog', '[masterylog+ordinal]', '[user+end_timestamp+ordinal+id]', '[user+content_id+end_timestamp+ordinal+id]', '[user+item+end_timestamp+ordinal+id]'].join(', '),
} as const;
