import { localRef } from '../../../shared/sync/local-ref';
import { activityIri, LEARNER_ACCOUNT_HOME_PAGE, VR_SESSION_EXTENSION, vrPackageActivityIri } from '../../../shared/xapi/outpost-iris';
import type { XapiStatement } from '../../../shared/xapi/statement';
import { buildVrCompletedStatement } from '../../../shared/xapi/vr-completed-statement';
import type { LearnerRow, VrPackageRow, VrSessionRow } from '../db/rows';
import type { DataPorts } from './data-ports';

/**
 * IRIs for xAPI statements. Kept for callers that pass them; statements are named in Outpost's fixed
 * namespace (shared/xapi/outpost-iris.ts), never from the API address as typed.
 */
export interface XapiIris {
  readonly accountHomePage: string;
  readonly activityIriBase: string;
}

/** The ports of a completion: it also writes an xAPI statement. */
export type CompletionPorts = DataPorts & { readonly xapi: XapiIris };

export type StatementLearner = Pick<LearnerRow, 'id' | 'display_name'>;

/**
 * The xAPI "completed" statement for a finished session, as queued. The learner is an account in Outpost's
 * namespace named by their id, without their display name (an LRS may be shared beyond the school). The
 * session is named by a `local:` reference in a context extension that sync rewrites to the remote's id,
 * and the registration is set from that id when the statement is sent (sync/statement-request.ts).
 * Nothing here throws on a statement the validator would refuse: main refuses to send it, with the
 * validator's words, and the learner's completion is kept (a bug shown on the Sync page, never a 500).
 */
export function vrCompletionStatement(ports: CompletionPorts, learner: StatementLearner, session: VrSessionRow, pkg: VrPackageRow | undefined): XapiStatement {
  return buildVrCompletedStatement({
    statementId: ports.newId(),
    timestamp: session.completed_at ?? ports.now().toISOString(),
    actor: { accountHomePage: LEARNER_ACCOUNT_HOME_PAGE, userId: learner.id },
    activity: { id: vrPackageActivityIri(session.package_id), title: pkg?.title || session.package_id },
    score: session.score,
    success: session.success_status === null ? null : session.success_status === 'passed',
    timeSpentSeconds: session.time_spent_seconds > 0 ? session.time_spent_seconds : null,
    extensions: { [VR_SESSION_EXTENSION]: localRef('vr_session', session.id) },
    ...(session.activity_id ? { contextActivities: { parent: [{ objectType: 'Activity', id: activityIri(session.activity_id) }] } } : {}),
  });
}
