import { SCHEMA_V1 } from './schema-v1';

/**
 * Version 12: what starting a VR session asks, answered without reading the learner's history. Starting
 * one read every earlier attempt on the package and asked the outbox once per attempt, so each start got
 * slower the more a learner had played (11 ms with 1k sessions on the kiosk, 272 ms with 100k, measured in
 * Chromium). Now:
 * - outbox by [acting_user_id+kind+status]: the learner's undelivered completions (what a new attempt
 *   waits for), as many as are still waiting;
 * - vrSessions by [user_id+package_id+status]: the learner's open session on the package, if any;
 * - vrSessions by [user_id+package_id+activity_id]: how many attempts came before (an index count).
 */
export const SCHEMA_V12 = {
  outbox: `${SCHEMA_V1.outbox}, [acting_user_id+kind+status]`,
  vrSessions: `${SCHEMA_V1.vrSessions}, [user_id+package_id+status], [user_id+package_id+activity_id]`,
} as const;
