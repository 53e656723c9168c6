/**
 * Version 1 of the IndexedDB schema: primary key first, then indexes. Compound indexes follow the seed
 * APIs' list filters so every list endpoint is an index range, not a table scan. IndexedDB cannot index
 * booleans or null, so filters on those (e.g. `complete`, a missing activity_id) narrow an indexed range
 * in memory instead.
 */
export const SCHEMA_V1 = {
  // VR packages and sessions: GET /api/vr-sessions?package_id=&activity_id= for the signed-in user.
  vrPackages: 'id, title, package_name',
  vrSessions: 'id, user_id, [user_id+package_id], [user_id+activity_id], [user_id+created_at], status',
  activities: 'id, type, vr_package_id, scorm_package_id',
  activityProgress: 'id, &[user_id+activity_id], activity_id',
  // SCORM: GET /api/v1/sessions?package_id=&user_id=.
  scormPackages: 'id, title',
  scormSessions: 'id, [package_id+user_id], [user_id+updated_at], package_id',
  // Progress tracking: masterylog?content=&user=, attemptlog?masterylog=|user=|content=|item=.
  // (field names follow the seed: `user`, `masterylog`, `sessionlog`).
  contentSessionLogs: 'id, [user+content_id], [user+start_timestamp]',
  contentSummaryLogs: 'id, &[user+content_id], user',
  masteryLogs: 'id, [user+content_id], summarylog',
  attemptLogs: 'id, masterylog, sessionlog, [user+content_id], [user+item]',
  // Lesson plays: clientId is required; userId and lessonId narrow; newest first by default.
  lessonPlays: 'id, [clientId+createdAt], [clientId+userId+createdAt], [clientId+lessonId+createdAt], [clientId+userId+lessonId+createdAt]',
  // Sync: replay order is seq; the idempotency key is unique so a retried write is never queued twice.
  outbox: '++seq, &id, &idempotency_key, status, [status+next_attempt_at], entity_id',
  headsets: 'serial, state',
  sideloadJobs: 'id, [serial+created_at], [status+created_at], package_id, vr_session_id',
} as const;
