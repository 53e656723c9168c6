import { SCHEMA_V7 } from './schema-v7';
import { SCHEMA_V12 } from './schema-v12';

/**
 * Version 21: every page of the session lists' `?limit=` extension is one bounded range read, filtered or
 * not (renderer/src/data/keyset-page.ts). Until now a page filtered by package or activity, and the
 * instructor's SCORM pages, read every matching row, sorted them and cut the page: 333 VR sessions on one
 * package for one learner took 14 ms in Chromium to answer 50. Each index below ends in the list's order
 * (newest first, read backwards), after the fields the filter fixes:
 * - vrSessions [user_id+package_id+created_at], [user_id+activity_id+created_at];
 * - scormSessions [user_id+package_id+updated_at] (a learner's course), [package_id+updated_at] (the
 *   instructor's course filter), updated_at (the instructor's whole list).
 * The older indexes stay: their equals() queries are used elsewhere, and over fake-indexeddb (the unit
 * tests) Dexie's equals() on a shorter prefix of a longer index fails (schema-v18.ts).
 */
export const SCHEMA_V21 = {
  vrSessions: `${SCHEMA_V12.vrSessions}, [user_id+package_id+created_at], [user_id+activity_id+created_at]`,
  scormSessions: `${SCHEMA_V7.scormSessions}, [user_id+package_id+updated_at], [package_id+updated_at], updated_at`,
} as const;
