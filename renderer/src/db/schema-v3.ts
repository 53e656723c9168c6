/**
 * Version 3: the sync id map. The remote assigns its own ids to records created offline; local ids stay
 * the keys of every table (so the UI never sees an id change) and this map translates on the way out.
 */
export const SCHEMA_V3 = {
  idMap: '[entity+local_id], remote_id',
} as const;
