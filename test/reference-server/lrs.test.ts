import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { completedStatement } from '../support/xapi-statement';
import { useTestServer } from './use-test-server';

const t = useTestServer();

const XAPI = { 'x-experience-api-version': '1.0.3' };
const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}` });
const put = (id: string, body: unknown, headers: Record<string, string> = XAPI) => t.call('PUT', `/xapi/statements?statementId=${id}`, { token: t.token, headers, body });

describe('the reference LRS: PUT /xapi/statements?statementId=', () => {
  it('stores a statement with 204, answers 204 again for the same one, 409 for a different one under the id', async () => {
    const id = randomUUID();
    const stored = await put(id, completedStatement(id));
    expect(stored.status).toBe(204);
    expect(stored.text).toBe('');
    expect((await put(id, completedStatement(id))).status).toBe(204);
    const conflict = await put(id, completedStatement(id, 10));
    expect(conflict).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(t.server.inspect.xapiStatements()).toHaveLength(1);
    expect(t.server.inspect.xapiStatements()[0]?.statement).toMatchObject({ result: { score: { raw: 85 } } });
  });

  it('takes the id from the parameter, refuses a mismatch, a bad statementId and an invalid statement (400)', async () => {
    const id = randomUUID();
    const { id: _omitted, ...withoutId } = completedStatement(id);
    expect((await put(id, withoutId)).status).toBe(204);
    expect(t.server.inspect.xapiStatements()[0]?.statement).toMatchObject({ id });
    expect((await put(randomUUID(), completedStatement())).status).toBe(400);
    expect((await put('not-a-uuid', completedStatement())).status).toBe(400);
    const other = randomUUID();
    expect((await put(other, { ...completedStatement(other), verb: { id: 'not an IRI' } })).status).toBe(400);
    expect(t.server.inspect.xapiStatements()).toHaveLength(1);
  });

  it('refuses a voiding statement aimed at a voiding statement', async () => {
    const target = completedStatement();
    expect((await put(target.id!, target)).status).toBe(204);
    const voiding = { id: randomUUID(), actor: target.actor, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target.id } };
    expect((await put(voiding.id, voiding)).status).toBe(204);
    const again = { ...voiding, id: randomUUID(), object: { objectType: 'StatementRef', id: voiding.id } };
    expect((await put(again.id, again)).status).toBe(400);
  });
});

describe('the reference LRS: version header and sign-in', () => {
  it('refuses a missing version header, or one that is not 1.0.x, with 400, on POST and PUT alike', async () => {
    for (const headers of [{}, { 'x-experience-api-version': '2.0.0' }, { 'x-experience-api-version': '1.1' }, { 'x-experience-api-version': '0.95' }]) {
      const id = randomUUID();
      expect((await put(id, completedStatement(id), headers)).status).toBe(400);
      expect((await t.call('POST', '/xapi/statements', { token: t.token, headers, body: [completedStatement()] })).status).toBe(400);
    }
    expect((await t.call('POST', '/xapi/statements', { token: t.token, headers: { 'x-experience-api-version': '1.0' }, body: [completedStatement()] })).status).toBe(200);
    expect(t.server.inspect.xapiStatements()).toHaveLength(1);
  });

  it('names its version on every answer, refusals included', async () => {
    const ok = await t.call('POST', '/xapi/statements', { token: t.token, headers: XAPI, body: [completedStatement()] });
    const refused = await t.call('POST', '/xapi/statements', { token: t.token, body: [completedStatement()] });
    const unsigned = await t.call('POST', '/xapi/statements', { headers: XAPI, body: [completedStatement()] });
    const id = randomUUID();
    const putOk = await put(id, completedStatement(id));
    expect([ok.status, refused.status, unsigned.status, putOk.status]).toEqual([200, 400, 401, 204]);
    for (const answer of [ok, refused, unsigned, putOk]) expect(answer.headers.get('x-experience-api-version')).toBe('1.0.3');
  });

  it('takes HTTP Basic with a live token as the password, and refuses other Basic credentials (401)', async () => {
    const signedIn = await t.call('POST', '/xapi/statements', { headers: { ...XAPI, ...basic('kiosk-1', t.token) }, body: [completedStatement()] });
    expect(signedIn.status).toBe(200);
    for (const headers of [basic('kiosk-1', 'wrong'), basic('', t.token), { authorization: 'Basic !!!' }, { authorization: `Basic ${Buffer.from(t.token).toString('base64')}` }]) {
      expect((await t.call('POST', '/xapi/statements', { headers: { ...XAPI, ...headers }, body: [completedStatement()] })).status).toBe(401);
    }
    t.server.tokens.revoke(t.token);
    expect((await t.call('POST', '/xapi/statements', { headers: { ...XAPI, ...basic('kiosk-1', t.token) }, body: [completedStatement()] })).status).toBe(401);
    expect(t.server.inspect.xapiStatements()).toHaveLength(1);
  });
});
