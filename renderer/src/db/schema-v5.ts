/**
 * Version 5: what a kiosk keeps so nothing is lost by accident.
 * - catalogPulls: each catalog pull's before-images (so the last one can be undone) and the removals it
 *   proposes, which wait for an instructor instead of being applied silently.
 * - drafts: what a learner had typed in an open form when the kiosk signed them out, restored for them only.
 */
export const SCHEMA_V5 = {
  catalogPulls: '++seq, at',
  drafts: '[user_id+form_key], user_id',
} as const;
