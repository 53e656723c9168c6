import type { XapiStatement } from '../../../shared/xapi/statement';
import { validateStatement } from '../../../shared/xapi/validate-statement';
import { buildVrCompletedStatement } from '../../../shared/xapi/vr-completed-statement';
import type { LearnerRow, VrPackageRow, VrSessionRow } from '../db/rows';
import type { LocalApiDeps } from './local-api-deps';

/** The xAPI "completed" statement for a finished session; refused here if it would not pass an LRS. */
export function vrCompletionStatement(deps: LocalApiDeps, learner: LearnerRow, session: VrSessionRow, pkg: VrPackageRow | undefined): XapiStatement {
  const base = deps.xapi.activityIriBase.replace(/\/+$/, '');
  const statement = buildVrCompletedStatement({
    statementId: deps.newId(),
    timestamp: session.completed_at ?? deps.now().toISOString(),
    actor: { accountHomePage: deps.xapi.accountHomePage, userId: learner.id, name: learner.display_name },
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
