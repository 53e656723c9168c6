import { attemptLookups } from '../../../shared/mastery/logger-attempts';
import { LoggerError } from '../../../shared/mastery/logger-error';
import { planUpdate } from '../../../shared/mastery/logger-update';
import type { UpdateContentSessionRequest, UpdateContentSessionResponse } from '../../../shared/schemas/content-session';
import { localRef } from '../../../shared/sync/local-ref';
import type { AttemptLogRow } from '../db/rows';
import type { OutpostDb } from '../db/outpost-db';
import { pendingOperationOf, queueOperation } from './outbox-writer';
import type { DataPorts } from './data-ports';
import { localAttemptId } from './logger-attempt-ids';
import { loggerTables } from './logger-store';

/**
 * PUT /api/logger/contentsession/:id for the signed-in learner. The shared rules plan the whole update
 * first, so a refusal (404, 403 for a submitted coach quiz, 400 for an unknown attempt) writes nothing;
 * otherwise logs, attempts and the outbox row land in one transaction. The row carries the request as
 * sent, with the session and any attempt ids as local references for sync to rewrite.
 */
export async function updateContentSession(ports: DataPorts, userId: string, sessionId: string, body: UpdateContentSessionRequest): Promise<UpdateContentSessionResponse> {
  const { db } = ports;
  return db.transaction('rw', [...loggerTables(db), db.outbox], async () => {
    const session = await db.contentSessionLogs.get(sessionId);
    if (!session || session.user !== userId) throw new LoggerError(404, 'NOT_FOUND', 'Content session not found');
    const summary = await db.contentSummaryLogs.where('[user+content_id]').equals([userId, session.content_id ?? '']).first();
    if (!summary) throw new Error(`Summary log missing for content session ${session.id}`);
    const mastery = session.mastery_level === null ? undefined : await db.masteryLogs.where('[summarylog+mastery_level]').equals([summary.id, session.mastery_level]).first();
    const operationId = ports.newId();
    const plan = planUpdate(body, { session, summary, ...(mastery ? { mastery } : {}), ...(await lookups(db, mastery?.id, body)) }, ports.now(), (group) => localAttemptId(operationId, group));

    await db.contentSessionLogs.put(plan.session);
    await db.contentSummaryLogs.put(plan.summary);
    if (plan.mastery) await db.masteryLogs.put(plan.mastery);
    if (plan.attempts.length > 0) await db.attemptLogs.bulkPut([...plan.attempts]);
    const start = await pendingOperationOf(db, session.id, 'content_session.start');
    await queueOperation(ports, {
      id: operationId,
      kind: 'content_session.update',
      entity_id: session.id,
      method: 'PUT',
      path: `/api/logger/contentsession/${localRef('content_session', session.id)}`,
      body: remoteBody(body),
      acting_user_id: userId,
      depends_on: start ? [start.id] : [],
    });
    return plan.response;
  });
}

/** Attempts named by id become references sync rewrites once the remote has named them. */
function remoteBody(body: UpdateContentSessionRequest): UpdateContentSessionRequest {
  if (!body.interactions) return body;
  return { ...body, interactions: body.interactions.map((i) => (i.id === undefined ? i : { ...i, id: localRef('attempt_log', i.id) })) };
}

async function lookups(db: OutpostDb, masteryLogId: string | undefined, body: UpdateContentSessionRequest) {
  const { ids, replaceItems } = attemptLookups(body.interactions ?? []);
  const found = await db.attemptLogs.bulkGet(ids);
  const attemptsById = new Map<string, AttemptLogRow>();
  for (const attempt of found) if (attempt) attemptsById.set(attempt.id, attempt);
  const latestByItem = new Map<string, AttemptLogRow>();
  if (masteryLogId !== undefined && replaceItems.length > 0) {
    const wanted = new Set(replaceItems);
    const own = await db.attemptLogs.where('masterylog').equals(masteryLogId).filter((a) => wanted.has(a.item)).toArray();
    for (const attempt of own.sort((a, b) => a.ordinal - b.ordinal)) latestByItem.set(attempt.item, attempt);
  }
  return { attemptsById, latestByItem };
}
