/** Version 4: lessons from the catalog pull, which lesson plays embed as their `lesson`. */
export const SCHEMA_V4 = {
  lessons: 'id',
} as const;
