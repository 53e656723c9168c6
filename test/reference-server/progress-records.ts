import { attemptLookups } from '../../shared/mastery/logger-attempts';
import { LoggerError } from '../../shared/mastery/logger-error';
import type { Interaction } from '../../shared/schemas/content-session';
import { COLLECTIONS } from './records';
import type { AttemptLogRecord, ContentSessionRecord, ContentSummaryRecord, MasteryLogRecord } from './records';
import { codedFailure } from './reply';
import type { ReplyError } from './reply';
import type { ServerDeps } from './server-deps';

/** The progress-tracking collections of one instance. */
export function progressCollections(deps: ServerDeps) {
  const { store } = deps;
  return {
    sessions: store.collection<ContentSessionRecord>(COLLECTIONS.contentSessions),
    summaries: store.collection<ContentSummaryRecord>(COLLECTIONS.contentSummaries),
    masteryLogs: store.collection<MasteryLogRecord>(COLLECTIONS.masteryLogs),
    attempts: store.collection<AttemptLogRecord>(COLLECTIONS.attemptLogs),
  };
}

/** Kolibri-style ids: dashless hex, as the seed's content ids are. */
export function loggerId(deps: ServerDeps): string {
  return deps.newId().replaceAll('-', '');
}

/** A try's attempts, oldest first (by the order they were recorded). */
export function attemptsOf(deps: ServerDeps, masteryLogId: string): AttemptLogRecord[] {
  return progressCollections(deps).attempts.find({ masterylog: masteryLogId }).sort((a, b) => a.ordinal - b.ordinal);
}

/** The attempts an update's interactions name, by id and (for replace) the newest per item. */
export function attemptsForUpdate(deps: ServerDeps, masteryLogId: string | undefined, interactions: readonly Interaction[]) {
  const { ids, replaceItems } = attemptLookups(interactions);
  const attempts = progressCollections(deps).attempts;
  const attemptsById = new Map<string, AttemptLogRecord>();
  for (const id of ids) {
    const found = attempts.get(id);
    if (found) attemptsById.set(id, found);
  }
  const latestByItem = new Map<string, AttemptLogRecord>();
  for (const item of replaceItems) {
    const newest = attempts.find({ masterylog: masteryLogId ?? '', item }).sort((a, b) => b.ordinal - a.ordinal)[0];
    if (newest) latestByItem.set(item, newest);
  }
  return { attemptsById, latestByItem };
}

/** The shared rules' refusals become the coded family's error replies. */
export function replyErrorOf(error: unknown): unknown {
  return error instanceof LoggerError ? (codedFailure(error.status, error.code, error.message) satisfies ReplyError) : error;
}
