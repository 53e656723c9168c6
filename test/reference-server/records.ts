import type { ActivityProgress } from '../../shared/schemas/activity';
import type { AttemptRecord, MasteryRecord, SessionRecord, SummaryRecord } from '../../shared/mastery/logger-records';
import type { LessonPlay } from '../../shared/schemas/lesson-play';
import type { ScormSession } from '../../shared/schemas/scorm-session';

/** Collection names, one per stored entity. */
export const COLLECTIONS = {
  tokens: 'tokens',
  vrSessions: 'vr_sessions',
  activityProgress: 'activity_progress',
  xapiStatements: 'xapi_statements',
  scormSessions: 'scorm_sessions',
  launchTokens: 'scorm_launch_tokens',
  contentSessions: 'content_sessions',
  contentSummaries: 'content_summaries',
  masteryLogs: 'mastery_logs',
  attemptLogs: 'attempt_logs',
  lessonPlays: 'lesson_plays',
  idempotency: 'idempotency_keys',
} as const;

/** Bearer tokens are stored by their SHA-256 only, as a real server would. */
export interface TokenRecord {
  readonly id: string;
  readonly user_id: string;
  /** Accepted in the lesson-plays AdminToken/RevokableToken headers, where the uid checks do not apply. */
  readonly admin: boolean;
  readonly issued_at: string;
  readonly expires_at: string;
}

/** The package is joined in from the catalog when the session is served, as the remote does. */
export type { VrSessionRecord } from '../../shared/vr/vr-session-record';

export type ActivityProgressRecord = ActivityProgress;

export interface XapiStatementRecord {
  readonly id: string;
  readonly statement: Record<string, unknown>;
  readonly stored_at: string;
}

export type ScormSessionRecord = ScormSession;

export interface LaunchTokenRecord {
  readonly id: string;
  readonly session_id: string;
  readonly expires_at: string;
}

/** The logger's records are the shared rules' own shapes (shared/mastery/logger-records.ts). */
export type ContentSessionRecord = SessionRecord;
export type ContentSummaryRecord = SummaryRecord;
export type MasteryLogRecord = MasteryRecord;
export type AttemptLogRecord = AttemptRecord;

/** Stored without `lesson`: the lesson configuration is joined in when a play is read. */
export type LessonPlayRecord = Omit<LessonPlay, 'lesson'>;

export interface IdempotencyRecord {
  readonly id: string;
  /** SHA-256 of caller, method, path with query, and body: a key reused for another request is refused. */
  readonly fingerprint: string;
  readonly status: number;
  readonly body_text: string | null;
  readonly created_at: string;
}
