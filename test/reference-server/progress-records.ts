import type { AttemptSummary } from '../../shared/schemas/attempt-log';
import type { MasteryModel } from '../../shared/schemas/mastery-model';
import { evaluateMastery } from '../../shared/mastery/mastery-engine';
import { COLLECTIONS } from './records';
import type { AttemptLogRecord, ContentSessionRecord, ContentSummaryRecord, MasteryLogRecord } from './records';
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

/** The key summaries and mastery logs are kept under: the content, or the node/quiz when no content id is sent. */
export function contentKeyOf(body: { content_id?: string; node_id?: string; quiz_id?: string }): string {
  return body.content_id ?? body.node_id ?? body.quiz_id ?? '';
}

/** Mastery logs of one user and content, most recent attempt at mastery first. */
export function masteryLogsOf(deps: ServerDeps, user: string, contentKey: string): MasteryLogRecord[] {
  return progressCollections(deps)
    .masteryLogs.find({ user, content_id: contentKey })
    .sort((a, b) => b.mastery_level - a.mastery_level);
}

/** A mastery log's attempts in the order they were first made. */
export function attemptsOf(deps: ServerDeps, masteryLogId: string): AttemptLogRecord[] {
  return progressCollections(deps).attempts.find({ masterylog: masteryLogId });
}

export function attemptSummary(attempt: AttemptLogRecord): AttemptSummary {
  const { content_id: _content, mastery_level: _level, ...summary } = attempt;
  return summary;
}

/**
 * Re-judges a mastery log from its whole attempt history with the shared engine (the local API uses the
 * same one). Completion is sticky: once the criterion was met, later answers cannot undo it.
 */
export function judgeMastery(deps: ServerDeps, log: MasteryLogRecord, at: string): MasteryLogRecord {
  const attempts = attemptsOf(deps, log.id);
  const itemCount = deps.seed.content_item_counts[log.content_id];
  const outcome = evaluateMastery(log.mastery_criterion, attempts, itemCount === undefined ? {} : { itemCount });
  const complete = log.complete || outcome.complete;
  return {
    ...log,
    complete,
    correct: outcome.correct,
    completion_timestamp: log.completion_timestamp ?? (complete ? at : null),
    end_timestamp: at,
  };
}

/** Coach-assigned quizzes are started by quiz_id and may come without a model. */
export function criterionFor(body: { mastery_model?: MasteryModel; quiz_id?: string }): MasteryModel | undefined {
  return body.mastery_model ?? (body.quiz_id !== undefined ? { type: 'quiz', coach_assigned: true } : undefined);
}
