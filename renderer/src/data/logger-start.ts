import { planStart, startResponse } from '../../../shared/mastery/logger-start';
import { sessionStartTarget } from '../../../shared/mastery/logger-target';
import { pastAttemptLimit } from '../../../shared/mastery/mastery-window';
import type { StartContentSessionRequest, StartContentSessionResponse } from '../../../shared/schemas/content-session';
import { queueOperation } from './outbox-writer';
import type { DataPorts } from './data-ports';
import { loggerTables, newestAttempts, previousLoggerOperation } from './logger-store';

/** Kolibri draws a coach quiz try's level from the whole negative 32-bit range. */
const MIN_LEVEL = -2147483648;

export interface LoggerPorts extends DataPorts {
  /** 0 <= x < 1; picks a new quiz try's level. */
  readonly random?: () => number;
}

/**
 * POST /api/logger/contentsession for the signed-in learner: the shared rules decide (summary found or
 * made, try resumed or made, a new session always), and the same transaction queues the request for the
 * remote, after anything still unsent for the same content, so the remote makes the same decisions.
 * Throws LoggerError (403 for a submitted coach quiz).
 */
export async function startContentSession(ports: LoggerPorts, userId: string, body: StartContentSessionRequest): Promise<StartContentSessionResponse> {
  const { db } = ports;
  const random = ports.random ?? Math.random;
  return db.transaction('rw', [...loggerTables(db), db.outbox], async () => {
    const { content_id } = sessionStartTarget(body);
    const summary = await db.contentSummaryLogs.where('[user+content_id]').equals([userId, content_id]).first();
    const tries = summary ? await db.masteryLogs.where('summarylog').equals(summary.id).toArray() : [];
    const plan = planStart(body, { ...(summary ? { summary } : {}), tries }, {
      user: userId,
      now: ports.now(),
      newId: ports.newId,
      quizLevel: () => MIN_LEVEL + Math.floor(random() * -MIN_LEVEL),
    });
    const before = await previousLoggerOperation(db, userId, content_id);
    await db.contentSummaryLogs.put(plan.summary);
    if (plan.mastery) await db.masteryLogs.put(plan.mastery);
    await db.contentSessionLogs.add(plan.session);
    await queueOperation(ports, {
      kind: 'content_session.start',
      entity_id: plan.session.id,
      method: 'POST',
      path: '/api/logger/contentsession',
      body,
      acting_user_id: userId,
      depends_on: before ? [before] : [],
    });
    const past = plan.mastery ? await newestAttempts(db, plan.mastery.id, pastAttemptLimit(plan.mastery.mastery_criterion)) : [];
    return startResponse(plan, past);
  });
}
