/**
 * Version 8: exercises and quizzes (progress tracking).
 * - masteryLogs by [summarylog+mastery_level]: a session finds its try.
 * - attemptLogs by [masterylog+ordinal]: a try's newest attempts (a start's pastattempts, the diff)
 *   are an index range even when one try holds thousands.
 */
export const SCHEMA_V8 = {
  masteryLogs: 'id, [user+content_id], summarylog, [summarylog+mastery_level]',
  attemptLogs: 'id, masterylog, sessionlog, [user+content_id], [user+item], [masterylog+ordinal]',
} as const;
