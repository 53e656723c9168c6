import { randomUUID } from 'node:crypto';
import { LEARNER_ACCOUNT_HOME_PAGE, vrPackageActivityIri } from '../../shared/xapi/outpost-iris';
import { buildVrCompletedStatement } from '../../shared/xapi/vr-completed-statement';
import { SEED_ALICE } from '../reference-server/catalog-seed';

/** A valid "completed" statement for the seed's Alice, as the app builds one; `raw` null: no score. */
export function completedStatement(id: string = randomUUID(), raw: number | null = 85) {
  return buildVrCompletedStatement({
    statementId: id,
    timestamp: '2026-03-02T09:45:00.000Z',
    actor: { accountHomePage: LEARNER_ACCOUNT_HOME_PAGE, userId: SEED_ALICE },
    activity: { id: vrPackageActivityIri('9ac00000-0000-4000-8000-000000000001'), title: 'Safety Training VR' },
    score: raw === null ? null : { raw, max: 100, scaled: raw / 100 },
    success: raw === null ? null : raw >= 70,
    timeSpentSeconds: 600,
  });
}
