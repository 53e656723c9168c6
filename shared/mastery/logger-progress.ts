import type { UpdateContentSessionRequest } from '../schemas/content-session';
import { roundUpProgress } from './exercise-progress';
import type { SessionRecord, SummaryRecord } from './logger-records';

type ContentLog = SessionRecord | SummaryRecord;

/**
 * Kolibri's _update_content_log for a session or summary log: progress_delta adds, progress sets (an
 * absolute progress may lower it: the server trusts the client, whose tracker only ever sends gains),
 * both rounded up to 3 decimals and clamped to 0..1; time adds.
 */
export function applyContentUpdate<T extends ContentLog>(log: T, body: UpdateContentSessionRequest, now: string): T {
  let progress = log.progress;
  if (body.progress_delta !== undefined) progress = roundUpProgress(log.progress + body.progress_delta);
  else if (body.progress !== undefined) progress = roundUpProgress(body.progress);
  return { ...log, end_timestamp: now, progress, time_spent: log.time_spent + (body.time_spent_delta ?? 0) };
}

/** The summary also records when it first completed and takes extra_fields wholesale. */
export function applySummaryUpdate(summary: SummaryRecord, body: UpdateContentSessionRequest, now: string): SummaryRecord {
  const wasComplete = summary.progress >= 1;
  let next = applyContentUpdate(summary, body, now);
  if (next.progress >= 1 && !wasComplete) next = { ...next, completion_timestamp: now };
  if (body.extra_fields !== undefined) next = { ...next, extra_fields: body.extra_fields };
  return next;
}
