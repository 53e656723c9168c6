import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildVrCompletedStatement } from '../../shared/xapi/vr-completed-statement';
import { SEED_ALICE } from './catalog-seed';
import { useTestServer } from './use-test-server';

const t = useTestServer();

function statement(id: string, raw = 85) {
  return buildVrCompletedStatement({
    statementId: id,
    timestamp: '2026-03-02T09:45:00.000Z',
    actor: { accountHomePage: 'https://lms.example.org', userId: SEED_ALICE, name: 'Alice Wong' },
    activity: { id: 'https://lms.example.org/xapi/vr-packages/safety', title: 'Safety Training VR' },
    score: { raw, max: 100, scaled: raw / 100 },
    success: raw >= 70,
    timeSpentSeconds: 1800,
  });
}

const XAPI = { 'x-experience-api-version': '1.0.3' };
const put = (id: string, body: unknown, options: { token?: string } = { token: t.token }) =>
  t.call('PUT', `/api/xapi/statements?statementId=${id}`, { ...options, headers: XAPI, body });

describe('PUT /api/xapi/statements', () => {
  it('refuses a request without X-Experience-API-Version, or with a version other than 1.0.x (400), storing nothing', async () => {
    const id = randomUUID();
    expect((await t.call('PUT', `/api/xapi/statements?statementId=${id}`, { token: t.token, body: statement(id) })).status).toBe(400);
    expect((await t.call('PUT', `/api/xapi/statements?statementId=${id}`, { token: t.token, headers: { 'x-experience-api-version': '2.0.0' }, body: statement(id) })).status).toBe(400);
    expect((await t.call('GET', `/api/xapi/statements?statementId=${id}`, { token: t.token, headers: XAPI })).status).toBe(404);
  });

  it('stores a statement (204) and serves it back with its stored time', async () => {
    const id = randomUUID();
    const res = await put(id, statement(id));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const got = await t.call('GET', `/api/xapi/statements?statementId=${id}`, { token: t.token, headers: XAPI });
    expect(got.body).toMatchObject({ id, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, stored: expect.any(String) });
    expect(t.server.effects().xapiStatements).toBe(1);
  });

  it('answers 204 again for the same statement re-sent, even with its keys in another order', async () => {
    const id = randomUUID();
    const original = statement(id);
    await put(id, original);
    const reordered = Object.fromEntries(Object.entries(original).reverse());
    expect((await put(id, reordered)).status).toBe(204);
    expect(t.server.effects().xapiStatements).toBe(1);
  });

  it('answers 409 when the id is taken by a different statement, and keeps the first', async () => {
    const id = randomUUID();
    await put(id, statement(id, 85));
    expect(await put(id, statement(id, 40))).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(t.server.inspect.xapiStatements()[0]?.statement).toMatchObject({ result: { score: { raw: 85 } } });
  });

  it('takes the id from the parameter when the body has none, and refuses a mismatch', async () => {
    const id = randomUUID();
    const { id: _omitted, ...withoutId } = statement(id);
    expect((await put(id, withoutId)).status).toBe(204);
    const other = randomUUID();
    expect(await put(other, statement(randomUUID()))).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
  });

  it('refuses an invalid statement with each problem, a missing or malformed statementId, and a non-object body', async () => {
    const id = randomUUID();
    const invalid = { ...statement(id), verb: { id: 'not an iri' } };
    const res = await put(id, invalid);
    expect(res).toMatchObject({ status: 400, body: { error: 'Invalid xAPI statement', code: 'VALIDATION_ERROR' } });
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain('verb.id');
    expect((await t.call('PUT', '/api/xapi/statements', { token: t.token, headers: XAPI, body: statement(id) })).status).toBe(400);
    expect((await put('not-a-uuid', statement(id))).status).toBe(400);
    expect((await put(id, [1, 2])).status).toBe(400);
    expect(t.server.effects().xapiStatements).toBe(0);
  });

  it('needs a live token; GET of an unknown statement is 404', async () => {
    const id = randomUUID();
    expect(await put(id, statement(id), {})).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect((await t.call('GET', `/api/xapi/statements?statementId=${id}`, { token: t.token, headers: XAPI })).status).toBe(404);
  });
});
