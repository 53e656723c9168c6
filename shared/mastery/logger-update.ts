import type { UpdateContentSessionRequest, UpdateContentSessionResponse } from '../schemas/content-session';
import { isCoachQuiz } from '../schemas/mastery-model';
import { createAttempt, groupInteractions, updateAttempt } from './logger-attempts';
import { forbiddenFinishedQuiz, LoggerError } from './logger-error';
import { applyContentUpdate, applySummaryUpdate } from './logger-progress';
import type { AttemptRecord, MasteryRecord, SessionRecord, SummaryRecord } from './logger-records';
import { attemptSummaryOf } from './logger-records';

export interface UpdateState {
  readonly session: SessionRecord;
  readonly summary: SummaryRecord;
  /** The session's try, when the session is for an exercise or quiz. */
  readonly mastery?: MasteryRecord;
  /** The try's attempts named by id in the request (see attemptLookups). */
  readonly attemptsById: ReadonlyMap<string, AttemptRecord>;
  /** The try's newest attempt per item, for groups that ask to replace without an id. */
  readonly latestByItem: ReadonlyMap<string, AttemptRecord>;
}

export interface UpdatePlan {
  readonly session: SessionRecord;
  readonly summary: SummaryRecord;
  readonly mastery?: MasteryRecord;
  /** Attempts to write, one per interaction group, in request order. */
  readonly attempts: readonly AttemptRecord[];
  /** Which of them are new (by index into attempts). */
  readonly created: readonly boolean[];
  readonly response: UpdateContentSessionResponse;
}

/**
 * Kolibri's session update, as one pure step so a refusal (403, 400) leaves nothing half written:
 * session and summary take the progress and time; the summary's completion completes the try; a
 * submitted coach-assigned quiz refuses any further update; then each interaction group creates or
 * updates an attempt. `newId` names created attempts.
 */
export function planUpdate(body: UpdateContentSessionRequest, state: UpdateState, now: Date, newId: (groupIndex: number) => string): UpdatePlan {
  const at = now.toISOString();
  const session = applyContentUpdate(state.session, body, at);
  const summary = applySummaryUpdate(state.summary, body, at);
  const complete = summary.progress >= 1;
  let mastery = state.mastery;
  if (session.mastery_level !== null && !mastery) throw new LoggerError(400, 'VALIDATION_ERROR', 'This session has no try to record against');
  if (mastery) {
    const completes = complete && !mastery.complete;
    if (!completes && mastery.complete && isCoachQuiz(mastery.mastery_criterion)) throw forbiddenFinishedQuiz();
    const delta = body.time_spent_delta ?? 0;
    if (delta || completes) {
      mastery = { ...mastery, end_timestamp: at, time_spent: mastery.time_spent + delta, ...(completes ? { complete: true, completion_timestamp: at } : {}) };
    }
  }
  if (body.interactions === undefined) return { session, summary, ...(mastery ? { mastery } : {}), attempts: [], created: [], response: { complete } };
  if (!mastery) throw new LoggerError(400, 'VALIDATION_ERROR', 'Interactions can only be sent for an exercise or quiz session');
  const tryLog: MasteryRecord = mastery;

  const attempts: AttemptRecord[] = [];
  const created: boolean[] = [];
  const touched = new Map<string, AttemptRecord>();
  let count = mastery.attempt_count;
  let correctSum = mastery.correct_sum;
  groupInteractions(body.interactions).forEach((group, index) => {
    const [first, ...rest] = group as [(typeof group)[number], ...typeof group];
    let attempt = findAttempt(first, state, touched, tryLog.id);
    const isNew = !attempt;
    const before = attempt?.correct ?? 0;
    if (!attempt) {
      attempt = createAttempt(first, { mastery: tryLog, session, now, id: newId(index), ordinal: count });
      count += 1;
    }
    for (const interaction of isNew ? rest : group) attempt = updateAttempt(attempt, interaction, at);
    correctSum += attempt.correct - before;
    touched.set(attempt.id, attempt);
    attempts.push(attempt);
    created.push(isNew);
  });
  mastery = { ...tryLog, attempt_count: count, correct_sum: correctSum, correct: Math.max(0, Math.trunc(correctSum + 1e-9)) };
  return { session, summary, mastery, attempts, created, response: { complete, attempts: attempts.map(attemptSummaryOf) } };
}

function findAttempt(first: { id?: string | undefined; replace: boolean; item: string }, state: UpdateState, touched: ReadonlyMap<string, AttemptRecord>, masteryId: string): AttemptRecord | undefined {
  if (first.id !== undefined) {
    const found = touched.get(first.id) ?? state.attemptsById.get(first.id);
    if (!found || found.masterylog !== masteryId) throw new LoggerError(400, 'VALIDATION_ERROR', `Invalid attempt id ${first.id}`);
    return found;
  }
  if (!first.replace) return undefined;
  const fromRequest = [...touched.values()].filter((a) => a.item === first.item).sort((a, b) => b.ordinal - a.ordinal)[0];
  return fromRequest ?? state.latestByItem.get(first.item);
}
