import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLrsClient, statementsUrl } from '../../../../main/services/lrs/lrs-client';
import type { LrsConfig } from '../../../../shared/xapi/lrs-config';
import { LEARNER_ACCOUNT_HOME_PAGE, vrPackageActivityIri } from '../../../../shared/xapi/outpost-iris';
import { buildVrCompletedStatement } from '../../../../shared/xapi/vr-completed-statement';
import { SEED_ALICE } from '../../../reference-server/catalog-seed';
import { useTestServer } from '../../../reference-server/use-test-server';

const t = useTestServer();

function statement(id: string = randomUUID(), raw = 85) {
  return buildVrCompletedStatement({
    statementId: id,
    timestamp: '2026-03-02T09:45:00.000Z',
    actor: { accountHomePage: LEARNER_ACCOUNT_HOME_PAGE, userId: SEED_ALICE },
    activity: { id: vrPackageActivityIri('9ac00000-0000-4000-8000-000000000001'), title: 'Safety Training VR' },
    score: { raw, max: 100, scaled: raw / 100 },
    success: raw >= 70,
    timeSpentSeconds: 600,
  });
}

const client = (config: LrsConfig | null) => createLrsClient({ config: async () => config, timeoutMs: 2000 });
const lrs = (): LrsConfig => ({ endpoint: `${t.server.url}/xapi`, auth: { kind: 'token', token: t.token } });

describe('the LRS client against the reference server’s LRS', () => {
  it('POSTs a batch with the version header and token, and reads the ids back; the same batch again is accepted', async () => {
    const batch = [statement(), statement()];
    const result = await client(lrs())(batch);
    expect(result).toEqual({ kind: 'response', status: 200, body: batch.map((s) => s.id) });
    expect(await client(lrs())(batch)).toMatchObject({ status: 200 });
    expect(t.server.inspect.xapiStatements()).toHaveLength(2);
  });

  it('a different statement under a stored id is 409 and stores nothing of its batch', async () => {
    const first = statement();
    await client(lrs())([first]);
    const result = await client(lrs())([statement(), statement(first.id, 10)]);
    expect(result).toMatchObject({ kind: 'response', status: 409 });
    expect(t.server.inspect.xapiStatements()).toHaveLength(1);
  });

  it('the LRS refuses a request without X-Experience-API-Version, and a voided voiding statement', async () => {
    const raw = await fetch(`${t.server.url}/xapi/statements`, { method: 'POST', headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' }, body: JSON.stringify([statement()]) });
    expect(raw.status).toBe(400);
    const target = statement();
    const voiding = { id: randomUUID(), actor: target.actor, verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } }, object: { objectType: 'StatementRef', id: target.id } };
    expect(await client(lrs())([target, voiding])).toMatchObject({ status: 200 });
    const voidTheVoid = { ...voiding, id: randomUUID(), object: { objectType: 'StatementRef', id: voiding.id } };
    expect(await client(lrs())([voidTheVoid])).toMatchObject({ status: 400 });
  });

  it('never follows a redirect, says when no LRS is set, and keeps credentials out of what it returns', async () => {
    t.server.faults.answerNext(1, { kind: 'redirect', status: 302, location: 'http://portal.example/' }, { path: '/xapi/statements' });
    expect(await client(lrs())([statement()])).toMatchObject({ kind: 'response', status: 302 });
    expect(t.server.inspect.xapiStatements()).toHaveLength(0);
    expect(await client(null)([statement()])).toEqual({ kind: 'not_configured' });
    const refused = await client({ endpoint: `${t.server.url}/xapi`, auth: { kind: 'basic', username: 'kiosk', password: 'hunter2-secret' } })([statement()]);
    expect(refused).toMatchObject({ kind: 'response', status: 401 });
    expect(JSON.stringify(refused)).not.toContain('hunter2');
  });

  it('builds <endpoint>/statements with the URL API, whatever the trailing slash', () => {
    expect(statementsUrl('https://LRS.example.org/xapi').href).toBe('https://lrs.example.org/xapi/statements');
    expect(statementsUrl('https://lrs.example.org/xapi/').href).toBe('https://lrs.example.org/xapi/statements');
  });
});
