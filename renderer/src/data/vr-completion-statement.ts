import type { XapiStatement } from '../../../shared/xapi/statement';
import { validateStatement } from '../../../shared/xapi/validate-statement';
import { buildVrCompletedStatement } from '../../../shared/xapi/vr-completed-statement';
import type { LearnerRow, VrPackageRow, VrSessionRow } from '../db/rows';
import type { DataPorts } from './data-ports';

/** IRIs for xAPI statements: the learner's account home page and the base of activity ids. */
export interface XapiIris {
  readonly accountHomePage: string;
  readonly activityIriBase: string;
}

/** The ports of a completion: it also writes an xAPI statement, named under the remote's IRIs. */
export type CompletionPorts = DataPorts & { readonly xapi: XapiIris };

export type StatementLearner = Pick<LearnerRow, 'id' | 'display_name'>;

/**
 * The xAPI "completed" statement for a finished session. Its inputs are bounded by the complete schema,
 * so a statement that would not pass an LRS is a bug here, not an input problem: it throws.
 */
export function vrCompletionStatement(ports: CompletionPorts, learner: StatementLearner, session: VrSessionRow, pkg: VrPackageRow | undefined): XapiStatement {
  const base = ports.xapi.activityIriBase.replace(/\/+$/, '');
  const statement = buildVrCompletedStatement({
    statementId: ports.newId(),
    timestamp: session.completed_at ?? ports.now().toISOString(),
    actor: { accountHomePage: ports.xapi.accountHomePage, userId: learner.id, name: learner.display_name },
    activity: { id: `${base}/vr-packages/${session.package_id}`, title: pkg?.title || session.package_id },
    score: session.score,
    success: session.success_status === null ? null : session.success_status === 'passed',
    timeSpentSeconds: session.time_spent_seconds > 0 ? session.time_spent_seconds : null,
    registration: session.id,
    ...(session.activity_id ? { contextActivities: { parent: [{ objectType: 'Activity', id: `${base}/activities/${session.activity_id}` }] } } : {}),
  });
  const check = validateStatement(statement);
  if (!check.valid) throw new Error(`Built an invalid xAPI statement: ${check.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return statement;
}
