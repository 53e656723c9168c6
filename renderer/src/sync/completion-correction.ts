import type { CompleteVrSessionRequest } from '../../../shared/schemas/vr-session-complete';
import { LEARNER_ACCOUNT_HOME_PAGE, OUTPOST_XAPI_BASE } from '../../../shared/xapi/outpost-iris';
import type { XapiStatement } from '../../../shared/xapi/statement';
import { completedVrSessionRecord } from '../../../shared/vr/vr-session-record';
import { queueOperation } from '../data/outbox-writer';
import { vrCompletionStatement } from '../data/vr-completion-statement';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';

/** xAPI's voiding verb (Data 2.3.2): the only way to take back a statement an LRS already stored. */
export const XAPI_VERB_VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

/** What a corrected completion changed besides its own outbox row, for tests and the caller's message. */
export interface CompletionCorrection {
  /** The kiosk's session took the corrected score, time and notes. */
  readonly sessionUpdated: boolean;
  /** Unsent statements whose result was rewritten in place. */
  readonly statementsEdited: number;
  /** Delivered statements taken back: a voiding statement and a corrected one were queued for each. */
  readonly statementsVoided: number;
}

export interface CorrectionPorts {
  readonly db: OutpostDb;
  readonly now: () => Date;
  readonly newId: () => string;
}

const statementPath = (id: string) => `/api/xapi/statements?statementId=${encodeURIComponent(id)}`;

/** Must be called inside a transaction over outbox, vrSessions and activityProgress. */
export async function applyCompletionCorrection(ports: CorrectionPorts, completeOp: OutboxRow, body: CompleteVrSessionRequest): Promise<CompletionCorrection> {
  const { db } = ports;
  const session = await db.vrSessions.get(completeOp.entity_id);
  if (session?.status !== 'completed' || session.completed_at === null) return { sessionUpdated: false, statementsEdited: 0, statementsVoided: 0 };

  // Same completion time and origin (a headset's report stays one); score, time and notes as corrected.
  const corrected = { ...completedVrSessionRecord(session, body, session.completed_at), self_reported: session.self_reported };
  await db.vrSessions.put(corrected);
  if (corrected.activity_id) {
    const progress = await db.activityProgress.where('[user_id+activity_id]').equals([corrected.user_id, corrected.activity_id]).first();
    // Only when this completion is still the one the progress shows (a later attempt's stays).
    if (progress?.completed_at === corrected.completed_at) await db.activityProgress.update(progress.id, { score: body.score ?? null, time_spent_seconds: corrected.time_spent_seconds });
  }

  // The statement's result as the corrected session gives it (built by the same function as at completion).
  const statementPorts = { db, now: ports.now, newId: ports.newId, xapi: { accountHomePage: LEARNER_ACCOUNT_HOME_PAGE, activityIriBase: OUTPOST_XAPI_BASE } };
  const result = vrCompletionStatement(statementPorts, { id: corrected.user_id, display_name: '' }, corrected, undefined).result ?? { completion: true };

  const statements = await db.outbox.where('entity_id').equals(completeOp.entity_id).filter((op) => op.kind === 'xapi.statement' && op.depends_on.includes(completeOp.id)).toArray();
  let statementsEdited = 0;
  let statementsVoided = 0;
  const at = ports.now().toISOString();
  for (const op of statements) {
    const old = op.body as XapiStatement;
    if (op.status !== 'done') {
      // Not delivered (it waits on this completion, or is kept for want of an LRS): it takes the new values.
      if (op.seq !== undefined) await db.outbox.update(op.seq, { body: { ...old, result }, updated_at: at });
      statementsEdited += 1;
      continue;
    }
    if (old.id === undefined) continue; // every statement Outpost builds has an id; nothing to point a voiding at
    // An LRS already stored it: never edit a sent statement. Void it, then send the corrected one under a
    // new id, both after the corrected completion reaches the remote.
    const voidingId = ports.newId();
    const voiding: XapiStatement = {
      id: voidingId,
      actor: old.actor,
      verb: { id: XAPI_VERB_VOIDED, display: { 'en-US': 'voided' } },
      object: { objectType: 'StatementRef', id: old.id },
      timestamp: at,
    };
    const voidOp = await queueOperation(ports, { kind: 'xapi.statement', entity_id: op.entity_id, method: 'PUT', path: statementPath(voidingId), body: voiding, acting_user_id: op.acting_user_id, depends_on: [completeOp.id] });
    const replacementId = ports.newId();
    const replacement: XapiStatement = { ...old, id: replacementId, result };
    await queueOperation(ports, { kind: 'xapi.statement', entity_id: op.entity_id, method: 'PUT', path: statementPath(replacementId), body: replacement, acting_user_id: op.acting_user_id, depends_on: [completeOp.id, voidOp.id] });
    statementsVoided += 1;
  }
  return { sessionUpdated: true, statementsEdited, statementsVoided };
}
